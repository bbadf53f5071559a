/**
 * The first screen, for the rest of the renderer. The hosts render the customer list into the
 * page (electron/web/first-screen-page.ts, with server-renderer.tsx here) from the answers to the
 * contract's list of first-screen calls (shared/contract/first-screen.ts); the page starts those
 * calls before the app's code has loaded (early.ts), and React adopts the host's HTML instead of
 * building it again (mount.tsx). This is all the app and its screens need to know of that:
 *
 * - the customer list calls `useFirstScreen()`;
 * - what reads the window, the platform or the clock during the first render reads
 *   `adoptingState()` first, so that render matches the host's;
 * - the shell seeds its query cache (`prefetchFirstScreen`), waits for the first screen
 *   (`firstScreenSettled`) and reports the window's size for the next start (`reportViewport`).
 */
import { useEffect } from 'react';
import { adoptingState, markServerHtmlAdopted } from './state.ts';

export { firstScreenSettled } from './calls.ts';
export { prefetchFirstScreen } from './prefetch.ts';
export { adoptingState, serverRenderedState } from './state.ts';
export { reportViewport } from './viewport-cookie.ts';

/**
 * For the screen the hosts render (the customer list): the window its first render lays out for
 * — the one the host assumed while React adopts the host's HTML, else the real one — and, once it
 * has committed, the page is marked as responding to input (`<html data-interactive>`).
 */
export function useFirstScreen(): { windowSize: { width: number; height: number } } {
  useEffect(markServerHtmlAdopted, []);
  return { windowSize: adoptingState()?.viewport ?? { width: window.innerWidth, height: window.innerHeight } };
}
