import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { WebHost } from '../../electron/web/web-host.ts';

export const CHROMIUM_PATH = process.env.TRADEFOLIO_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Debian's Chromium from phoning home (nothing but npm and apt is reachable here). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: run \`npm run setup\` (installs chromium and fonts-noto-cjk).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface OpenAppOptions {
  locale?: 'en-US' | 'zh-CN';
  timezoneId?: string;
  /**
   * The screen to open: the customer list unless told ('' opens the home screen, Today). Most
   * tests start from the list, which the hosts render into the page.
   */
  hash?: string;
}

/**
 * A fresh browser context (own storage, own language) with the app loaded from the host's
 * tokenised URL. Closing the page closes its context.
 */
export async function openApp(browser: Browser, host: WebHost, options: OpenAppOptions = {}): Promise<Page> {
  const locale = options.locale ?? 'en-US';
  const context = await browser.newContext({
    locale,
    viewport: { width: 1280, height: 800 },
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  const page = await context.newPage();
  page.on('close', () => {
    context.close().catch(() => {});
  });
  page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
  await page.goto(`${host.url}${options.hash ?? '#/customers'}`, { waitUntil: 'load' });
  return page;
}
