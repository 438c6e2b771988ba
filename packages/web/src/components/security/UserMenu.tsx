import { Show } from 'solid-js';
import { useAuth } from './auth-context.ts';

/** The signed-in user and a way out, in the header; absent when nobody is signed in. */
export function UserMenu() {
  const auth = useAuth();
  const user = () => {
    const status = auth.status();
    return status?.authenticated && !status.disabled ? status.user : undefined;
  };

  return (
    <Show when={user()}>
      {(name) => (
        <div class="flex items-center gap-2 text-sm">
          <span class="hidden text-gray-600 sm:inline dark:text-slate-300">{name()}</span>
          <button
            type="button"
            onClick={() => void auth.logout()}
            class="rounded-md px-2 py-1 font-medium text-gray-700 hover:bg-gray-100
              focus-visible:ring-2 focus-visible:ring-sky-600 focus-visible:outline-none
              dark:text-slate-200 dark:hover:bg-slate-800 dark:focus-visible:ring-sky-400"
          >
            Log out
          </button>
        </div>
      )}
    </Show>
  );
}
