import type { Page } from 'playwright-core';

/** Waits until the Duplicates screen's code has loaded (the app preloads it in idle time). */
export async function duplicatesCodeLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/DuplicatesPage-')), undefined, { timeout: 30_000 });
}

/** The `elementtiming` name DuplicatesPage gives its first group's title. */
const FIRST_GROUP_TIMING = 'duplicates-first-group';

/**
 * Resolves with the `renderTime` (ms since the page's time origin) of the first group's paint,
 * as the page's own Element Timing reports it, and how many groups the render that brought it
 * drew (counted when they entered the DOM).
 */
export function firstGroupPainted(page: Page): Promise<{ paintedAt: number; drawnAtOnce: number }> {
  return page.evaluate(
    (name) =>
      new Promise<{ paintedAt: number; drawnAtOnce: number }>((resolve, reject) => {
        setTimeout(() => reject(new Error(`no paint of the first group (${name}) within 60 s`)), 60_000);
        let drawnAtOnce = 0;
        const mutations = new MutationObserver(() => {
          const drawn = document.querySelectorAll('[data-testid="duplicate-group"]').length;
          if (drawn > 0 && drawnAtOnce === 0) {
            drawnAtOnce = drawn;
            mutations.disconnect();
          }
        });
        mutations.observe(document, { childList: true, subtree: true });
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntries().find((e) => (e as PerformanceEntry & { identifier?: string }).identifier === name);
          if (entry) {
            observer.disconnect();
            resolve({ paintedAt: (entry as PerformanceEntry & { renderTime: number }).renderTime, drawnAtOnce });
          }
        }).observe({ type: 'element', buffered: true });
      }),
    FIRST_GROUP_TIMING,
  );
}

