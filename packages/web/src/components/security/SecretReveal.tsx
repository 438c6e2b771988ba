import { createSignal, For } from 'solid-js';
import { INPUT_CLASS, LABEL_CLASS, SECONDARY_BUTTON_CLASS } from './form-styles.ts';

export interface SecretLine {
  label: string;
  value: string;
}

export interface SecretRevealProps {
  lines: SecretLine[];
  /** Name of the downloaded text file. */
  fileName: string;
}

/**
 * Shows credentials that the server will never show again, with copy and download. Nothing
 * is kept in the browser: once the page moves on, they are gone.
 */
export function SecretReveal(props: SecretRevealProps) {
  const [copied, setCopied] = createSignal<string>();

  async function copy(line: SecretLine) {
    await navigator.clipboard.writeText(line.value);
    setCopied(line.label);
  }

  function download() {
    const text = [
      `Pulse at ${location.origin}`,
      ...props.lines.map((line) => `${line.label}: ${line.value}`),
      '',
    ].join('\n');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    link.download = props.fileName;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <div class="space-y-3">
      <For each={props.lines}>
        {(line) => (
          <div>
            <span class={LABEL_CLASS}>{line.label}</span>
            <div class="flex gap-2">
              <input
                class={`${INPUT_CLASS} font-mono`}
                readOnly
                value={line.value}
                aria-label={line.label}
                data-secret={line.label}
              />
              <button
                type="button"
                class={`${SECONDARY_BUTTON_CLASS} mt-1`}
                onClick={() => copy(line)}
              >
                {copied() === line.label ? 'Copied' : 'Copy'}
              </button>
            </div>
          </div>
        )}
      </For>
      <button type="button" class={SECONDARY_BUTTON_CLASS} onClick={download}>
        Download as text file
      </button>
    </div>
  );
}
