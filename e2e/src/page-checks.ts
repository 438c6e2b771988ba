import type { Page } from 'playwright-core';

export interface ContrastProblem {
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

// Sent as source text: functions passed to page.evaluate() would carry the test runner's
// transpiler helpers, which do not exist in the page.
const CONTRAST_SCRIPT = `(() => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const rgba = (css) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = css;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const layer = rgba(getComputedStyle(node).backgroundColor);
      if (layer[3] > 0) layers.push(layer);
      if (layer[3] === 1) break;
    }
    return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const problems = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const el = text.parentElement;
    const content = text.textContent.trim();
    if (!el || !content) continue;
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (rect.width <= 1 || rect.height <= 1 || style.visibility !== 'visible') continue;
    const background = backgroundOf(el);
    const color = over(rgba(style.color), background);
    const [hi, lo] = [luminance(color), luminance(background)].sort((x, y) => y - x);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const isLarge = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = isLarge ? 3 : 4.5;
    if (ratio < required) {
      problems.push({
        text: content.slice(0, 60), ratio: Math.round(ratio * 100) / 100, required,
        color: style.color, background: 'rgb(' + background.slice(0, 3).join(', ') + ')',
      });
    }
  }
  return problems;
})()`;

/** Visible text whose contrast with its background is below WCAG AA. */
export function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return page.evaluate(CONTRAST_SCRIPT) as Promise<ContrastProblem[]>;
}

/** Cumulative layout shift since the page loaded (Chromium's Layout Instability API). */
export function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(total), 100);
  })`) as Promise<number>;
}

/** How many CSS pixels the page is wider than the viewport; 0 when nothing scrolls sideways. */
export function horizontalOverflow(page: Page): Promise<number> {
  // clientWidth excludes a reserved scrollbar gutter, so it can exceed scrollWidth.
  return page.evaluate(
    'Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)',
  ) as Promise<number>;
}
