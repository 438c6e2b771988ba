import type { VersionResponse } from '@pulse/contract';
import type { Resource } from 'solid-js';
import { Match, Show, Switch } from 'solid-js';

export interface FooterProps {
  version: Resource<VersionResponse>;
}

export function Footer(props: FooterProps) {
  // Reading an errored resource throws, so the state is checked before the value.
  const info = () => (props.version.state === 'ready' ? props.version() : undefined);

  return (
    <footer
      class="border-t border-gray-200 text-xs text-gray-600 dark:border-slate-800
      dark:text-slate-400"
    >
      <div
        data-testid="footer-version"
        class="mx-auto flex min-h-10 max-w-screen-2xl flex-wrap items-center gap-x-3 gap-y-1 px-3
          py-2 sm:px-6"
      >
        <Switch fallback={<span>Pulse</span>}>
          <Match when={info()}>
            {(version) => (
              <>
                <span class="font-medium text-gray-800 dark:text-slate-200">
                  Pulse v{version().version}
                </span>
                <Show when={version().channel === 'rc'}>
                  <span>release candidate</span>
                </Show>
                <Show when={version().isDevelopment}>
                  <span>development build</span>
                </Show>
                <Show when={version().isDocker}>
                  <span>Docker</span>
                </Show>
                <span class="ml-auto">Node.js {version().nodeVersion.replace(/^v/, '')}</span>
              </>
            )}
          </Match>
          <Match when={props.version.state === 'errored'}>
            <span>Pulse — version unavailable</span>
          </Match>
        </Switch>
      </div>
    </footer>
  );
}
