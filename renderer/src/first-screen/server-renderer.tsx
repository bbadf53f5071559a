/**
 * The server build's entry (renderer/vite.ssr.config.ts): the hosts (the web host, the Electron
 * app's app:// handler) render the customer list's first screen with it, and the browser adopts
 * that HTML (main.tsx hydrates it) once the app's scripts have loaded.
 */
import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import type { FirstScreenRenderer } from '../../../shared/contract/first-screen.ts';
import { App } from '../app/App.tsx';
import { loadLanguagePack } from '../app/language-packs.ts';
import { languageOfAcceptLanguage, resolveLanguage } from '../app/language.ts';
import { renderingWith, type FirstScreenState } from './state.ts';
import type { CallOutput } from '../../../shared/contract/contract.ts';

/**
 * The window the first screen is rendered for when the host does not know it (a browser's first
 * visit; later the page reports its size): a maximised window on a full-HD screen. Rows beyond a
 * smaller window cost little (A/B: the same paint, ~50 ms more before the list responds at 1440
 * px than at 800), while a taller one shows empty space under the rows until the app's scripts run.
 */
export const ASSUMED_VIEWPORT = { width: 1920, height: 1080 };

/** A size no window has is not believed (a cookie is the page's to write, and can be anything). */
function plausibleViewport(viewport: { width: number; height: number } | null): { width: number; height: number } {
  if (!viewport) return ASSUMED_VIEWPORT;
  const ok = (n: number) => Number.isInteger(n) && n >= 200 && n <= 8000;
  return ok(viewport.width) && ok(viewport.height) ? viewport : ASSUMED_VIEWPORT;
}

/** `<` escaped: a customer named `</script>` must not end the state's element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The hosts hand it the answers to `firstScreenCalls('customers')` (shared/contract/first-screen.ts). */
export const firstScreenRenderer: FirstScreenRenderer = {
  async render({ answers, acceptLanguage, userAgent, token, viewport }) {
    const settings = answers.find(([key]) => key === 'settings.get')?.[2] as CallOutput<'settings.get'> | undefined;
    const systemLanguage = languageOfAcceptLanguage(acceptLanguage);
    const language = resolveLanguage(settings?.language, systemLanguage);
    await loadLanguagePack(language);
    const state: FirstScreenState = { answers, language, systemLanguage, viewport: plausibleViewport(viewport), mac: /Mac OS X|Macintosh/.test(userAgent), token, renderedAt: Date.now() };
    const html = renderingWith(state, () =>
      renderToString(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    );
    return { html, language, state: jsonForScript(state) };
  },
};

