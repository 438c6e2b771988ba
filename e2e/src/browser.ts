import { closeSync, existsSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env.PULSE_CHROMIUM ?? '/usr/bin/chromium';

export const hasChromium = existsSync(CHROMIUM_PATH);

/** Where screenshots go; git-ignored. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 812 } as const;

/** Every device and theme a page must read well in, with the browser options for each. */
export const LOOKS = (['desktop', 'phone'] as const).flatMap((device) =>
  (['light', 'dark'] as const).map((theme) => ({
    device,
    theme,
    isMobile: device === 'phone',
    options: {
      viewport: device === 'phone' ? PHONE : DESKTOP,
      colorScheme: theme,
      isMobile: device === 'phone',
    },
  })),
);

if (!hasChromium) announceSkipOnce();

/**
 * Every browser test file imports this module in its own worker; a marker file named after
 * the shared parent (the Vitest process) keeps the explanation to one line per run.
 */
function announceSkipOnce(): void {
  try {
    closeSync(openSync(join(tmpdir(), `pulse-e2e-skip-notice-${process.ppid}`), 'wx'));
  } catch {
    return;
  }
  process.stderr.write(
    `browser tests skipped: no Chromium at ${CHROMIUM_PATH}; run \`apt-get install chromium\` ` +
      'or set PULSE_CHROMIUM\n',
  );
}

// Chromium otherwise phones home (updates, sync, safe browsing); tests stay on loopback.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface BrowserOptions {
  /** @default DESKTOP */
  viewport?: { width: number; height: number };
  /** The system theme the page sees through `prefers-color-scheme`. @default 'light' */
  colorScheme?: 'light' | 'dark';
  /** Emulates a phone: touch, mobile viewport rules. @default false */
  isMobile?: boolean;
}

export interface TestBrowser {
  context: BrowserContext;
  /** The first page, already open. */
  page: Page;
  /** Uncaught exceptions and `console.error` lines from every page of the context. */
  errors: string[];
  /** Requests to anything but loopback, which were blocked. */
  blockedRequests: string[];
  /** Closes Chromium and deletes its profile. */
  close(): Promise<void>;
}

/**
 * Starts Chromium with a fresh profile in a temp dir. Every request that leaves loopback is
 * blocked and recorded, so a test can prove the UI never calls the internet.
 */
export async function launchBrowser(options: BrowserOptions = {}): Promise<TestBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'pulse-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: options.viewport ?? DESKTOP,
    colorScheme: options.colorScheme ?? 'light',
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
  });

  const errors: string[] = [];
  const blockedRequests: string[] = [];
  const watch = (page: Page) => {
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (LOOPBACK_HOSTS.has(url.hostname)) return route.continue();
    blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });

  const page = context.pages()[0] ?? (await context.newPage());

  return {
    context,
    page,
    errors,
    blockedRequests,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export interface CheckedBrowserOptions extends BrowserOptions {
  /** Page errors the test provokes on purpose, which do not fail it. */
  expectedErrors?: RegExp;
}

/** Runs `run` in a fresh browser, then checks the page logged no errors and stayed local. */
export async function withBrowser(
  options: CheckedBrowserOptions,
  run: (browser: TestBrowser) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser(options);
  try {
    await run(browser);
    const expected = options.expectedErrors;
    const errors = browser.errors.filter((line) => !expected?.test(line));
    expect(errors).toEqual([]);
    expect(browser.blockedRequests).toEqual([]);
  } finally {
    await browser.close();
  }
}

/** Saves a full-page PNG as `e2e/artifacts/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}
