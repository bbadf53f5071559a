/**
 * A separate, tiny entry that index.html loads with `async`: it asks for the first screen's data
 * while the browser is still downloading and evaluating the app (see renderer/vite.config.ts). It
 * imports the modules it needs, not this folder's index.ts, so that the early chunk stays tiny.
 */
import { parseRoute } from '../app/routes.ts';
import { startFirstScreenCalls } from './calls.ts';
import { SCREEN_ELSEWHERE_CLASS, serverRenderedState } from './state.ts';

startFirstScreenCalls();
// The host renders the customer list (it never sees the hash): on a reload of another screen,
// hide it now (app.css) rather than show it until that screen's code has loaded; main.tsx then
// renders that screen in its place.
if (serverRenderedState() && parseRoute(window.location.hash).page !== 'customers') document.documentElement.classList.add(SCREEN_ELSEWHERE_CLASS);
