import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'antd/dist/antd.css';
import { App } from './app/App.tsx';
import './app/app.css';
import { firstLanguagePack, firstScreenSettled } from './app/first-screen-calls.ts';

/** Longer than a local answer takes, short enough that a slow one does not hold up the shell. */
const FIRST_SCREEN_WAIT_MS = 300;

// The first screen's calls started in the `first-screen` entry; waiting a moment for their
// answers lets the first render show the customers instead of rendering everything twice.
await Promise.race([firstScreenSettled('essential'), new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
// Only the language in use is loaded (app/language-packs.ts); the first render speaks it.
await firstLanguagePack().catch(() => firstLanguagePack());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
