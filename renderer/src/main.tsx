import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App.tsx';
import './app/app.css';
import { firstLanguagePack, firstScreenSettled } from './app/first-screen-calls.ts';
import { parseRoute } from './app/routes.ts';
import { markServerHtmlAdopted, SCREEN_ELSEWHERE_CLASS, serverRenderedState } from './app/server-rendered.ts';

/** Longer than a local answer takes, short enough that a slow one does not hold up the shell. */
const FIRST_SCREEN_WAIT_MS = 300;

// The first screen's calls started in the `first-screen` entry (or the host answered them in the
// page); waiting a moment for their answers lets the first render show the customers instead of
// rendering everything twice.
await Promise.race([firstScreenSettled('essential'), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
// Only the language in use is loaded (app/language-packs.ts); the first render speaks it.
await firstLanguagePack().catch(() => firstLanguagePack());

const container = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
// The host rendered the customer list into the page (electron/web/first-screen-page.ts), for the
// page's own address; a reload elsewhere (#/mail) renders that screen instead.
if (serverRenderedState() && parseRoute(window.location.hash).page === 'customers') {
  hydrateRoot(container, app);
} else {
  markServerHtmlAdopted();
  container.replaceChildren();
  document.documentElement.classList.remove(SCREEN_ELSEWHERE_CLASS);
  createRoot(container).render(app);
}
