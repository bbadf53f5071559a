import type { CallKey } from '../../../shared/contract/contract.ts';
import type { Language } from '../../../shared/i18n/catalogs.ts';
import { FIRST_SCREEN_STATE_ID } from '../../../shared/contract/first-screen.ts';

/**
 * What the host rendered the first screen with (server-renderer.tsx):
 * the page carries it in `<script type="application/json" id="first-screen-state">`, and the
 * first render in the browser must use the same, so that React can adopt the host's HTML
 * (hydrate) instead of building the screen again.
 */
export interface FirstScreenState {
  /** The first screen's calls with their answers: [contract key, input, answer]. */
  answers: [CallKey, unknown, unknown][];
  /** The language the host rendered in, and the system's, which it read from Accept-Language. */
  language: Language;
  systemLanguage: Language;
  /** The window the host assumed: the list rendered the rows that fit in it. */
  viewport: { width: number; height: number };
  /** From the User-Agent: the search box shows ⌘K or Ctrl+K. */
  mac: boolean;
  /** The web host's token for the API calls (null in the Electron app, which uses IPC). */
  token: string | null;
  /** When it was rendered: "3 minutes ago" must read the same in the browser's first render. */
  renderedAt: number;
}

/** On `<html>` while the host's customer list is in the page but another screen was asked for (app.css hides it). */
export const SCREEN_ELSEWHERE_CLASS = 'screen-elsewhere';

let rendering: FirstScreenState | null = null;
/** Read once found (the host puts it at the top of `<head>`, ahead of every script). */
let inPage: FirstScreenState | null = null;

/** True in the host (Node), where the first screen is rendered to HTML. */
export const onServer = typeof window === 'undefined';

/**
 * The state the first screen was (on the host: is being) rendered with; null when the page
 * came without one (the dev server, a host that could not render it, or a page opened without
 * its token).
 */
export function serverRenderedState(): FirstScreenState | null {
  if (onServer) return rendering;
  if (inPage) return inPage;
  const text = document.getElementById(FIRST_SCREEN_STATE_ID)?.textContent;
  try {
    inPage = text ? (JSON.parse(text) as FirstScreenState) : null;
  } catch {
    inPage = null;
  }
  return inPage;
}

/** Host only: renders with `state` (renderToString is synchronous, so one render at a time). */
export function renderingWith<T>(state: FirstScreenState, render: () => T): T {
  rendering = state;
  try {
    return render();
  } finally {
    rendering = null;
  }
}

let adopted = false;

/**
 * The state while the page's first render adopts the host's HTML (and on the host itself); null
 * afterwards, and when there is none. Whatever that first render reads from the window instead
 * (its size, the platform, the language) must come from here, or the two renders differ.
 */
export function adoptingState(): FirstScreenState | null {
  return adopted ? null : serverRenderedState();
}

/**
 * Called once the adopted screen has committed (the customer list), or before the first render
 * when nothing is adopted: later renders read the window itself. From then on the page responds
 * to input, which `<html data-interactive>` tells (tests wait for it before pressing keys: the
 * host's HTML is on screen before its handlers are).
 */
export function markServerHtmlAdopted(): void {
  if (adopted) return;
  adopted = true;
  document.documentElement.dataset.interactive = '';
  // When the first screen started to respond (test/bench/first-paint.bench.ts reports it).
  performance.mark(INTERACTIVE_MARK);
}

export const INTERACTIVE_MARK = 'tradefolio-interactive';
