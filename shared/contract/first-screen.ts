import type { CallInput, CallKey } from './contract.ts';
import type { Language } from '../i18n/catalogs.ts';

/** A call the first screen makes: its contract key and its input, which is also its query key in the renderer. */
export type FirstScreenCall = { [K in CallKey]: readonly [K, CallInput<K>] }[CallKey];

/**
 * The customer list's first page as the list asks for it when it opens: no filter, by name, 200
 * rows. The list takes its initial filters and page size from this (renderer
 * features/customers/customer-list-filters.ts), so it never asks again for what the host answered.
 */
export const FIRST_CUSTOMER_PAGE: CallInput<'customers.list'> & { offset: number; limit: number } = {
  search: '',
  grades: [],
  stages: [],
  countries: [],
  ownerIds: [],
  tagIds: [],
  lastContact: null,
  sort: 'name',
  dir: 'asc',
  offset: 0,
  limit: 200,
};

/** Today's first answer as the Today page asks for it (all owners, ten rows a kind). */
export const FIRST_TODAY_INPUT: CallInput<'today.list'> = { ownerId: null, limit: 10 };

/**
 * The one list of what the first screen asks for, with the same inputs its screens use: the hosts
 * answer it to render the customer list into the page and to warm up (app-core), and the renderer
 * starts these calls before its code has loaded and seeds its query cache from their answers
 * (renderer/src/first-screen/). `customers`: the screen the hosts render; `today`: the home
 * screen; `other`: a reload of another screen, which asks only for what the shell shows.
 *
 * In order of need: the browser gives a host six connections, and the app's scripts hold most of
 * them while these start, so each call waits for one; the rows (the largest answer) first, then
 * the language, then the counts on the nav badges. The list's filter Selects (owners, tags) load
 * after the first paint and ask for their own options.
 */
export function firstScreenCalls(screen: 'customers' | 'today' | 'other'): FirstScreenCall[] {
  const shell: FirstScreenCall[] = [
    ['settings.get', {}],
    ['reminders.counts', {}],
    ['today.count', {}],
    ['mail.syncStatus', {}],
  ];
  if (screen === 'customers') return [['customers.list', FIRST_CUSTOMER_PAGE], ...shell];
  // Today, the home screen, is not rendered by the hosts (they render the list): its answer is
  // asked for with the shell's, before the app's code has loaded.
  if (screen === 'today') return [['today.list', FIRST_TODAY_INPUT], ...shell];
  return shell;
}

/**
 * Between a host and the renderer's server build (dist/renderer-ssr): the host, which has the
 * data at hand, renders the first screen to HTML, so the customer list is on screen as soon as
 * the page and its stylesheets are in, not after the app's scripts have loaded and run.
 */
export interface FirstScreenRequest {
  /** The answers to `firstScreenCalls('customers')`, in order, as [key, input, answer]. */
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
  render(request: FirstScreenRequest): Promise<FirstScreenPage>;
}
