import type { CallKey } from './contract.ts';
import type { Language } from '../i18n/catalogs.ts';

/**
 * Between a host and the renderer's server build (dist/renderer-ssr): the host, which has the
 * data at hand, renders the first screen to HTML, so the customer list is on screen as soon as
 * the page and its stylesheets are in, not after the app's scripts have loaded and run.
 */
export interface FirstScreenRequest {
  /** The answers to `calls()`, in order, as [key, input, answer]. */
  answers: [CallKey, unknown, unknown][];
  /** The request's Accept-Language (the system language of the window) and User-Agent. */
  acceptLanguage: string;
  userAgent: string;
  /** The web host's token, handed to the page for its API calls; null in the Electron app. */
  token: string | null;
  /**
   * The window's inner size, if the host knows it (the Electron window's; the size the page
   * last reported in the web host's `tradefolio-viewport` cookie): the rows rendered are those
   * that fit. Otherwise a tall window is assumed.
   */
  viewport: { width: number; height: number } | null;
}

/** The id of the page's JSON element with the state the browser's first render needs. */
export const FIRST_SCREEN_STATE_ID = 'first-screen-state';

/** The cookie in which the page tells the web host its window's size: `<width>x<height>`. */
export const VIEWPORT_COOKIE = 'tradefolio-viewport';

export interface FirstScreenPage {
  /** What goes inside `<div id="root">`. */
  html: string;
  /** For `<html lang>`. */
  language: Language;
  /** The page's `#first-screen-state` (JSON, safe inside a `<script>` element). */
  state: string;
}

export interface FirstScreenRenderer {
  /** The calls the first screen makes, with their inputs, as [key, input]. */
  calls(): [CallKey, unknown][];
  render(request: FirstScreenRequest): Promise<FirstScreenPage>;
}
