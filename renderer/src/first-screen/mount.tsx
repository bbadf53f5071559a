import type { ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { parseRoute } from '../app/routes.ts';
import { firstLanguagePack, firstScreenSettled } from './calls.ts';
import { markServerHtmlAdopted, SCREEN_ELSEWHERE_CLASS, serverRenderedState } from './state.ts';

/** Longer than a local answer takes, short enough that a slow one does not hold up the shell. */
const FIRST_SCREEN_WAIT_MS = 300;

/**
 * Puts the app into `container` (main.tsx): adopts the customer list the host rendered into the
 * page (electron/web/first-screen-page.ts) when the page is the list's, else renders from scratch.
 */
export async function mountApp(container: HTMLElement, app: ReactNode): Promise<void> {
  // The first screen's calls started in the `first-screen` entry (or the host answered them in the
  // page); waiting a moment for their answers lets the first render show the customers instead of
  // rendering everything twice.
  await Promise.race([firstScreenSettled('essential'), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
  // Only the language in use is loaded (app/language-packs.ts); the first render speaks it.
  await firstLanguagePack().catch(() => firstLanguagePack());

  // The host renders the page's own address (the list); a reload elsewhere (#/mail) renders that screen instead.
  if (serverRenderedState() && parseRoute(window.location.hash).page === 'customers') {
    hydrateRoot(container, app);
    return;
  }
  markServerHtmlAdopted();
  container.replaceChildren();
  document.documentElement.classList.remove(SCREEN_ELSEWHERE_CLASS);
  createRoot(container).render(app);
}
