import { Route, Router } from '@solidjs/router';
import { For } from 'solid-js';
import { render } from 'solid-js/web';
import { App } from './App.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { AuthGate } from './pages/security/AuthGate.tsx';
import { SecuritySettingsPage } from './pages/security/SecuritySettingsPage.tsx';
import { TABS } from './routes.tsx';
import { connection } from './stores/connection.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

render(
  () => (
    // The live connection needs a login too: it starts once the gate opens.
    <AuthGate onEnter={() => connection.start()} onLeave={() => connection.stop()}>
      <Router root={App}>
        <For each={TABS}>{(tab) => <Route path={tab.path} component={tab.page} />}</For>
        <Route path="/settings/security" component={SecuritySettingsPage} />
        <Route path="*" component={NotFoundPage} />
      </Router>
    </AuthGate>
  ),
  root,
);
