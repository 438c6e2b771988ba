import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type SimulatorHandle, simControl, startSimulator } from '@pulse/simulator';
import type { Page } from 'playwright-core';
import { hasChromium, launchBrowser } from '../../../e2e/src/browser.ts';
import { addNode } from '../../../e2e/src/lab.ts';
import { type PulseServer, startPulseServer } from '../../../e2e/src/pulse-server.ts';
import type { BenchResult, BenchSuite, Progress } from '../types.ts';

const SUITE = 'ui';
const GUESTS = 10_000;
const SCENARIO = `scale-${GUESTS}`;
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const FIRST_POLL_TIMEOUT_MS = 120_000;
const RENDER_RUNS = 3;
/**
 * Polls this often so that a few live updates arrive while the page is measured, with quiet
 * gaps long enough to measure scrolling alone.
 */
const POLL_SECONDS = 20;
const DELTAS_WANTED = 3;
const SCROLL_RUNS = 3;
const SETTLE_MS = 1500;
/** Scrolling runs this long at a steady speed, like a user flicking through the table. */
const SCROLL_MS = 4000;
const SCROLL_PX_PER_FRAME = 60;
/** A frame longer than 1.5 × 16.7 ms means the 60 Hz display showed one frame twice. */
const DROPPED_FRAME_MS = 25;

/*
 * Runs in the page before any of its scripts: notes when the first live-state message arrives
 * and when the first guest row is in the DOM, both in ms since navigation started. Written as
 * source text so that no transpiler helper has to exist in the page.
 */
const TIMING_PROBE = `(() => {
  const marks = (window.__pulseBench = { deltas: [] });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      // Registered before the app's own listener: the time until a task queued now runs is
      // how long the app took to parse, apply and render the message.
      this.addEventListener('message', (event) => {
        const started = performance.now();
        const text = String(event.data);
        if (marks.stateAt === undefined && text.startsWith('{"type":"initialState"')) {
          marks.stateAt = started;
          marks.stateBytes = text.length;
        }
        if (!text.startsWith('{"type":"stateDelta"')) return;
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          marks.deltas.push({ ms: performance.now() - started, bytes: text.length });
        channel.port2.postMessage(0);
      });
    }
  };
  new MutationObserver((_records, observer) => {
    if (document.querySelector('[data-testid="guest-row"]')) {
      marks.rowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})()`;

/** Scrolls the window at a steady speed for SCROLL_MS and returns every frame's duration. */
const SCROLL_SCRIPT = `new Promise((resolve) => {
  const frames = [];
  let last = performance.now();
  const end = last + ${SCROLL_MS};
  const step = (now) => {
    frames.push(now - last);
    last = now;
    window.scrollBy(0, ${SCROLL_PX_PER_FRAME});
    if (now < end) requestAnimationFrame(step);
    else resolve(frames.slice(1));
  };
  requestAnimationFrame(step);
})`;

interface Marks {
  stateAt?: number;
  stateBytes?: number;
  rowAt?: number;
  deltas: { ms: number; bytes: number }[];
}

async function startFleet(
  progress: Progress,
): Promise<{ sim: SimulatorHandle; pulse: PulseServer }> {
  // The server serves the built UI; build it if the sources are newer.
  spawnSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: REPO, stdio: 'inherit' });

  progress(`${SCENARIO}: starting the simulator and Pulse`);
  const sim = await startSimulator({ scenario: SCENARIO });
  const pulse = await startPulseServer({
    env: { DISABLE_AUTH: 'true', LOG_LEVEL: 'warn', POLLING_INTERVAL: String(POLL_SECONDS) },
  });
  for (const endpoint of sim.endpoints) await addNode(pulse.url, endpoint);

  // Templates are not monitored, so Pulse lists a little under the scenario's count.
  const first = sim.endpoints[0];
  if (!first) throw new Error('the simulator serves no endpoint');
  const truth = await simControl(first).state();
  const expected = truth.endpoints
    .flatMap((endpoint) => endpoint.nodes)
    .flatMap((node) => node.guests)
    .filter((guest) => !guest.template).length;

  progress(`${SCENARIO}: waiting for the first poll of ${expected} guests`);
  const deadline = Date.now() + FIRST_POLL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const state = (await (await fetch(`${pulse.url}/api/state`)).json()) as {
      vms: unknown[];
      containers: unknown[];
    };
    if (state.vms.length + state.containers.length >= expected) return { sim, pulse };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`Pulse did not list ${expected} guests within ${FIRST_POLL_TIMEOUT_MS} ms`);
}

async function measureRender(page: Page, url: string): Promise<Required<Marks>> {
  await page.goto(url);
  await page.locator('[data-testid="guest-row"]').first().waitFor({ timeout: 60_000 });
  const marks = (await page.evaluate('window.__pulseBench')) as Marks;
  if (marks.stateAt === undefined || marks.rowAt === undefined) {
    throw new Error('the page never received the state or drew a row');
  }
  return {
    ...marks,
    stateAt: marks.stateAt,
    stateBytes: marks.stateBytes ?? 0,
    rowAt: marks.rowAt,
  };
}

/** Polls from outside: the page's CSP forbids the eval that waitForFunction would need. */
async function waitForDeltas(page: Page, count: number): Promise<Marks['deltas']> {
  const deadline = Date.now() + count * POLL_SECONDS * 3000;
  while (Date.now() < deadline) {
    const { deltas } = (await page.evaluate('window.__pulseBench')) as Marks;
    if (deltas.length >= count) return deltas;
    await page.waitForTimeout(100);
  }
  throw new Error(`fewer than ${count} live updates arrived`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

interface ScrollFigures {
  p50: number;
  p95: number;
  max: number;
  dropped: number;
  frames: number;
}

/**
 * Scrolls SCROLL_RUNS times, each right after a live update so that none lands during the
 * measurement (its cost is measured on its own) and the server is idle between polls; the
 * median run is reported, since other work on the machine can stall any single one.
 */
async function measureScroll(page: Page, progress: Progress): Promise<ScrollFigures> {
  const runs: ScrollFigures[] = [];
  for (let run = 0; run < SCROLL_RUNS; run++) {
    const seen = ((await page.evaluate('window.__pulseBench')) as Marks).deltas.length;
    progress(`scroll ${run + 1}/${SCROLL_RUNS}: waiting for a live update`);
    await waitForDeltas(page, seen + 1);
    // The update's garbage and the server's history writes settle within a second.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(SETTLE_MS);
    const frames = (await page.evaluate(SCROLL_SCRIPT)) as number[];
    const sorted = [...frames].sort((x, y) => x - y);
    runs.push({
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      max: sorted.at(-1) ?? 0,
      dropped: frames.filter((ms) => ms > DROPPED_FRAME_MS).length,
      frames: frames.length,
    });
  }
  const byDropped = [...runs].sort((x, y) => x.dropped - y.dropped);
  return byDropped[Math.floor(byDropped.length / 2)] ?? runs[0]!;
}

function renderResults(runs: Required<Marks>[]): BenchResult[] {
  const note = `${SCENARIO}, headless Chromium 1280×800, median of ${RENDER_RUNS} loads`;
  return [
    {
      suite: SUITE,
      name: `${SCENARIO} first guest row`,
      value: median(runs.map((r) => r.rowAt)),
      unit: 'ms',
      note: `${note}; since navigation start`,
    },
    {
      suite: SUITE,
      name: `${SCENARIO} render after state`,
      value: median(runs.map((r) => r.rowAt - r.stateAt)),
      unit: 'ms',
      note: `${note}; from the initialState message to the first row in the DOM`,
    },
    {
      suite: SUITE,
      name: `${SCENARIO} initialState size`,
      value: median(runs.map((r) => r.stateBytes)),
      unit: 'bytes',
      note,
    },
  ];
}

function scrollResults(scroll: ScrollFigures): BenchResult[] {
  const note =
    `median of ${SCROLL_RUNS} runs: ${scroll.frames} frames, ${SCROLL_PX_PER_FRAME} px/frame ` +
    `for ${SCROLL_MS} ms between live updates`;
  const figure = (name: string, value: number, unit = 'ms'): BenchResult => ({
    suite: SUITE,
    name: `${SCENARIO} scroll ${name}`,
    value,
    unit,
    note,
  });
  return [
    figure('frame p50', scroll.p50),
    figure('frame p95', scroll.p95),
    figure('frame max', scroll.max),
    figure(`frames over ${DROPPED_FRAME_MS} ms`, scroll.dropped, 'frames'),
  ];
}

function deltaResults(deltas: Marks['deltas'], heapBytes: number): BenchResult[] {
  const ms = deltas.map((delta) => delta.ms).sort((x, y) => x - y);
  const kib = Math.round(median(deltas.map((delta) => delta.bytes)) / 1024);
  const sizes = `${deltas.length} stateDelta messages, ${kib} KiB median`;
  const note = `${sizes}: parse, apply, sort, render`;
  return [
    {
      suite: SUITE,
      name: `${SCENARIO} live update median`,
      value: percentile(ms, 0.5),
      unit: 'ms',
      note,
    },
    { suite: SUITE, name: `${SCENARIO} live update max`, value: ms.at(-1) ?? 0, unit: 'ms', note },
    {
      suite: SUITE,
      name: `${SCENARIO} JS heap after updates`,
      value: heapBytes / 1024 ** 2,
      unit: 'MiB',
      note: `${SCENARIO}, after loads, scrolling and updates`,
    },
  ];
}

async function measure(pulse: PulseServer, progress: Progress): Promise<BenchResult[]> {
  const browser = await launchBrowser();
  try {
    const { page } = browser;
    await page.addInitScript(TIMING_PROBE);
    const runs: Required<Marks>[] = [];
    for (let run = 0; run < RENDER_RUNS; run++) {
      progress(`first render ${run + 1}/${RENDER_RUNS}`);
      runs.push(await measureRender(page, `${pulse.url}/`));
    }

    const scroll = await measureScroll(page, progress);
    const deltas = await waitForDeltas(page, DELTAS_WANTED);
    const heap = (await page.evaluate(
      '(performance.memory && performance.memory.usedJSHeapSize) || 0',
    )) as number;

    return [...renderResults(runs), ...scrollResults(scroll), ...deltaResults(deltas, heap)];
  } finally {
    await browser.close();
  }
}

/** First render of the Main page with 10,000 guests and frame times while scrolling. */
export const suite: BenchSuite = {
  name: SUITE,
  async run(progress) {
    if (!hasChromium) {
      progress('skipped: no Chromium (see e2e/src/browser.ts)');
      return [];
    }
    const { sim, pulse } = await startFleet(progress);
    try {
      return await measure(pulse, progress);
    } finally {
      await pulse.stop();
      await sim.stop();
    }
  },
};
