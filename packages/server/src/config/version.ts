import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `/api/version` payload. */
export interface VersionInfo {
  version: string;
  build: 'release' | 'development';
  runtime: 'node';
  channel: 'stable' | 'rc';
  isDocker: boolean;
  isDevelopment: boolean;
  /** How this copy was installed, so the UI can show the matching update steps. */
  deploymentType: 'docker' | 'systemd' | 'development' | 'manual';
  nodeVersion: string;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

function readRootVersion(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

function detectDocker(): boolean {
  if (existsSync('/.dockerenv')) return true;
  try {
    return readFileSync('/proc/1/cgroup', 'utf8').includes('docker');
  } catch {
    return false;
  }
}

/** Reads the version from the root package.json (never from git) and the environment. */
export function readVersionInfo(env: NodeJS.ProcessEnv = process.env): VersionInfo {
  const version = readRootVersion();
  const isDocker = env.PULSE_DOCKER === 'true' || detectDocker();
  const isDevelopment = env.NODE_ENV === 'development';
  const deploymentType = isDocker
    ? 'docker'
    : env.INVOCATION_ID
      ? 'systemd'
      : isDevelopment
        ? 'development'
        : 'manual';

  return {
    version,
    build: isDevelopment ? 'development' : 'release',
    runtime: 'node',
    channel: /-(rc|beta|alpha)/.test(version) ? 'rc' : 'stable',
    isDocker,
    isDevelopment,
    deploymentType,
    nodeVersion: process.version,
  };
}

/** Root of the repository, for locating the built web app. */
export const REPO_ROOT = ROOT;
