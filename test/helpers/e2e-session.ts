import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { CallInput, CallKey, CallOutput } from '../../shared/contract/contract.ts';
import { launchBrowser, openApp, type OpenAppOptions } from './browser.ts';
import type { RemoteAddressPolicy } from '../../electron/services/mail/read/remote-address-policy.ts';
import { startTestApp, type TestApp } from './web-app.ts';

export interface E2eSession {
  readonly app: TestApp;
  readonly browser: Browser;
  /** Calls the core directly (no UI) and returns the value, or throws with the error. */
  seed<K extends CallKey>(key: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** A fresh page (own context, own language) with the app loaded. */
  open(options?: OpenAppOptions): Promise<Page>;
}

/**
 * One app and one Chromium for the enclosing describe block: started in a beforeAll registered
 * here, so call this before the block's own beforeAll that seeds data.
 */
export function setupE2eSession(options: { clockStart?: number; remoteAddressPolicy?: RemoteAddressPolicy; mailBatchSize?: number } = {}): E2eSession {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The e2e session is used before its beforeAll ran.');
    return value;
  };

  beforeAll(async () => {
    app = await startTestApp(options);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  return {
    get app() {
      return started(app);
    },
    get browser() {
      return started(browser);
    },
    async seed(key, input) {
      const result = await started(app).core.dispatch(key, input);
      if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.error)}`);
      return result.value as CallOutput<typeof key>;
    },
    async open(openOptions) {
      const page = await openApp(started(browser), started(app).host, openOptions);
      await appInteractive(page);
      return page;
    },
  };
}

/**
 * Waits until the app responds to input: the host renders the customer list into the page, so it
 * is on screen (and the load event fired) before React has taken it over; a key pressed or a
 * click made earlier would be lost. Also after a reload.
 */
export async function appInteractive(page: Page): Promise<void> {
  await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
  await page.getByTestId('global-search').waitFor();
}

/** antd Selects are not native <select>s: open, type to filter, pick the option by its text. */
export async function pick(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  // Scope to this Select's own list: the dropdown of the Select picked just before may still be
  // fading out, and a bare ".ant-select-dropdown:visible" would find its (now hidden) option.
  const listId = await select.locator('[role="combobox"]').getAttribute('aria-controls');
  if (!listId) throw new Error('pick: the Select has no aria-controls list id');
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${listId}"]`) });
  await dropdown.locator('.ant-select-item-option', { hasText: text }).first().click();
}

/**
 * The number on a nav counter (ShellNav's NavCount): absent means 0. Read in one step: the
 * counter leaves the page at 0, and a locator found first and read second could be waiting for
 * an element that is gone.
 */
export async function navCount(page: Page, testId: string): Promise<number> {
  const count = await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-count') ?? '0', testId);
  return Number(count);
}

/**
 * Adds `user`'s mailbox on the test Dovecot as the app's account (password "secret", all mail,
 * no working SMTP) and waits until the first sync has stored `expected` messages. A plain loop:
 * expect.poll runs only inside a test, and this is called from beforeAll.
 */
export async function syncTestMailbox(session: E2eSession, imapPort: number, user: string, expected: number): Promise<void> {
  await session.seed('mail.addAccount', {
    name: 'Work',
    email: user,
    imap: { host: '127.0.0.1', port: imapPort, security: 'none', user },
    smtp: { host: '127.0.0.1', port: 2525, security: 'none', user },
    password: 'secret',
    syncWindowDays: null,
  });
  await session.seed('mail.syncNow', {});
  await session.app.core.mail().whenIdle();
  for (let i = 0; i < 100 && (await session.seed('mail.listMessages', {})).total < expected; i++) await new Promise((r) => setTimeout(r, 100));
  const stored = (await session.seed('mail.listMessages', {})).total;
  if (stored !== expected) throw new Error(`the test mailbox synced ${stored} messages, expected ${expected}`);
}
