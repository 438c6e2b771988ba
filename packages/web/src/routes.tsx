import type { Component } from 'solid-js';
import {
  AlertIcon,
  BackupIcon,
  DashboardIcon,
  type IconProps,
  SettingsIcon,
  StorageIcon,
} from './components/Icons.tsx';
import { AlertsPage } from './pages/AlertsPage.tsx';
import { BackupsPage } from './pages/BackupsPage.tsx';
import { MainPage } from './pages/MainPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { StoragePage } from './pages/StoragePage.tsx';

export interface TabRoute {
  /** Router path; also what the tab links to. */
  path: string;
  label: string;
  /** DOM id of the tab, which labels the shared tab panel. */
  id: string;
  icon: Component<IconProps>;
  page: Component;
}

/** The top-level pages, in tab order. The router and the tab bar are both built from it. */
export const TABS: readonly TabRoute[] = [
  { path: '/', label: 'Main', id: 'tab-main', icon: DashboardIcon, page: MainPage },
  { path: '/storage', label: 'Storage', id: 'tab-storage', icon: StorageIcon, page: StoragePage },
  { path: '/backups', label: 'Backups', id: 'tab-backups', icon: BackupIcon, page: BackupsPage },
  { path: '/alerts', label: 'Alerts', id: 'tab-alerts', icon: AlertIcon, page: AlertsPage },
  {
    path: '/settings',
    label: 'Settings',
    id: 'tab-settings',
    icon: SettingsIcon,
    page: SettingsPage,
  },
];

/** The tab a location belongs to; sub-paths (`/settings/nodes`) select their parent tab. */
export function tabForPath(pathname: string): TabRoute | undefined {
  return TABS.find((tab) =>
    tab.path === '/'
      ? pathname === '/'
      : pathname === tab.path || pathname.startsWith(`${tab.path}/`),
  );
}
