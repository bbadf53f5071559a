import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pick, setupE2eSession, syncTestMailbox } from '../helpers/e2e-session.ts';
import { startDovecot, type Dovecot } from '../helpers/mail-servers.ts';
import { rfc822 } from '../helpers/mail-test-kit.ts';

/**
 * Every dialog and drawer fits a laptop screen: its primary button is wholly on screen, and is
 * what a click there reaches (not cut off by a scrolling body or covered), at 1366×768 and
 * 1280×720. Also the list's filter row at that width.
 */

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

type Screen = (typeof SCREENS)[number];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The element's box once it stops moving: antd's dialogs zoom and slide in, and a box measured
 * mid-animation is smaller or elsewhere.
 */
async function settledBox(locator: Locator): Promise<Box> {
  await locator.waitFor({ state: 'visible' });
  // No finite animation or transition still running on the page (spinners run for ever)…
  await expect
    .poll(() => locator.page().evaluate(() => document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity).length))
    .toBe(0);
  // …and the same box three times over.
  const boxes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const box = await locator.boundingBox();
    boxes.push(JSON.stringify(box));
    if (box && boxes.length >= 3 && boxes.slice(-3).every((b) => b === boxes.at(-1))) return box;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${locator.toString()} never stopped moving`);
}

/** Where the button is, and whether a click at its centre reaches it. */
async function reach(locator: Locator): Promise<{ box: Box; hit: boolean }> {
  const box = await settledBox(locator);
  const hit = await locator.evaluate((el, p) => {
    const top = document.elementFromPoint(p.x, p.y);
    return top !== null && (el === top || el.contains(top));
  }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
  return { box, hit };
}

async function expectOnScreen(name: string, button: Locator, screen: Screen): Promise<void> {
  const { box, hit } = await reach(button);
  const at = `${name}: box x ${Math.round(box.x)}–${Math.round(box.x + box.width)}, y ${Math.round(box.y)}–${Math.round(box.y + box.height)} in ${screen.width}×${screen.height}`;
  expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= screen.width && box.y + box.height <= screen.height, at).toBe(true);
  expect(hit, `${at}: a click there reaches something else`).toBe(true);
}

/** The open antd dialog (the last one opened) and its footer's primary button. */
const openModal = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal').last();
const modalPrimary = (page: Page) => openModal(page).locator('.ant-modal-footer .ant-btn-primary, .ant-modal-confirm-btns .ant-btn-primary').last();

/** Escape closes a dialog once the focus has moved into it, which may be a moment after it shows. */
async function closeWithEscape(page: Page, gone: Locator): Promise<void> {
  await expect
    .poll(async () => {
      if (!(await gone.isVisible())) return false;
      await page.keyboard.press('Escape');
      return gone.isVisible();
    })
    .toBe(false);
}

async function openCustomer(page: Page, name: string): Promise<void> {
  await page.getByTestId('nav-customers').click();
  await page.getByTestId('customer-row-name').filter({ hasText: name }).click();
  await expect.poll(() => page.getByTestId('customer-name').textContent()).toBe(name);
}

describe('dialogs and drawers on a laptop screen (web host, Chromium)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const CUSTOMER = 'Harbourside Homewares Ltd';

  beforeAll(async () => {
    await seed('owners.create', { name: 'Alice Zhou', email: 'alice@example.com' });
    // An account to write from (never synced: no server is needed to open the forms).
    await seed('mail.addAccount', {
      name: 'Work',
      email: 'li@mytrade.test',
      imap: { host: '127.0.0.1', port: 9, security: 'none', user: 'li@mytrade.test' },
      smtp: { host: '127.0.0.1', port: 9, security: 'none', user: 'li@mytrade.test' },
      password: 'secret',
      syncEnabled: false,
    });
    await seed('mail.saveTemplate', { name: 'Canton Fair invitation', subject: 'Meet us at the Canton Fair', text: 'Dear {{contact.firstName | there}},\n\nVisit our booth.\n\nBest regards' });
    for (const [name, person, email] of [
      [CUSTOMER, 'Emma Clarke', 'emma@harbourside.co.uk'],
      ['Nordic Supply AB', 'Lars Berg', 'lars@nordic-supply.se'],
    ] as const) {
      const customer = await seed('customers.create', { name, country: 'GB', regionCode: 'EU', grade: 'B' });
      await seed('contacts.create', { customerId: customer.id, name: person, isPrimary: true, channels: [{ kind: 'email', value: email }] });
      await seed('activities.create', { customerId: customer.id, kind: 'call', direction: 'outbound', occurredAt: Date.now(), subject: 'Asked for the price list', body: null });
    }
  });

  /** A page at the screen's size, with the list loaded. */
  async function open(screen: Screen): Promise<Page> {
    const page = await session.open();
    await page.setViewportSize(screen);
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(2);
    return page;
  }

  for (const screen of SCREENS) {
    describe(`keeps every dialog's and drawer's primary button on a ${screen.width}×${screen.height} screen`, () => {
      it('in the customer list', async () => {
        const page = await open(screen);
        const rows = page.getByTestId('customer-row');

        // The list: a new customer, and what the selection offers.
        await page.getByTestId('new-customer').click();
        await expectOnScreen('New customer', page.getByTestId('customer-form-save'), screen);
        await closeWithEscape(page, page.getByTestId('customer-form-save'));

        await rows.nth(0).getByRole('checkbox').check();
        await rows.nth(1).getByRole('checkbox').check();
        await page.getByTestId('bulk-transfer').click();
        await expectOnScreen('Transfer to another salesperson', page.getByTestId('transfer-ok'), screen);
        await closeWithEscape(page, page.getByTestId('transfer-ok'));

        await page.getByTestId('bulk-send-mail').click();
        await pick(page, page.getByTestId('batch-template'), 'Canton Fair invitation');
        await expect.poll(() => page.getByTestId('template-preview-subject').textContent()).toContain('Canton Fair');
        await expectOnScreen('Send personalised mail', page.getByTestId('batch-send'), screen);
        await closeWithEscape(page, page.getByTestId('batch-send'));

        await page.getByTestId('bulk-delete').click();
        await expectOnScreen('Delete customers?', modalPrimary(page), screen);
        await closeWithEscape(page, page.locator('.ant-modal-confirm'));

        await page.close();
      });

      it('in a customer’s folder', async () => {
        const page = await open(screen);
        // A folder: edit, log a call, a note, a contact, a mail, delete.
        await openCustomer(page, CUSTOMER);
        await page.getByTestId('action-edit').click();
        await expectOnScreen('Edit customer', page.getByTestId('customer-form-save'), screen);
        await closeWithEscape(page, page.getByTestId('customer-form-save'));

        await page.getByTestId('action-log-call').click();
        await page.getByTestId('activity-form').waitFor();
        await expectOnScreen('Log call', modalPrimary(page), screen);
        await closeWithEscape(page, page.getByTestId('activity-form'));

        await page.getByTestId('action-add-note').click();
        await page.getByTestId('activity-form').waitFor();
        await expectOnScreen('Add note', modalPrimary(page), screen);
        await closeWithEscape(page, page.getByTestId('activity-form'));

        const entry = page.getByTestId('timeline-entry').first();
        await entry.getByRole('button', { name: 'Edit' }).click();
        await page.getByTestId('activity-form').waitFor();
        await expectOnScreen('Edit timeline entry', modalPrimary(page), screen);
        await closeWithEscape(page, page.getByTestId('activity-form'));
        await entry.getByRole('button', { name: 'Delete' }).click();
        await expectOnScreen('Delete timeline entry?', modalPrimary(page), screen);
        await closeWithEscape(page, page.locator('.ant-modal-confirm'));

        await page.getByTestId('tab-contacts').click();
        await page.getByTestId('add-contact').click();
        await page.getByTestId('contact-form').waitFor();
        await expectOnScreen('New contact', modalPrimary(page), screen);
        await closeWithEscape(page, page.getByTestId('contact-form'));
        const card = page.getByTestId('contact-card').first();
        await card.getByRole('button', { name: 'Edit' }).click();
        await page.getByTestId('contact-form').waitFor();
        await expectOnScreen('Edit contact', modalPrimary(page), screen);
        await closeWithEscape(page, page.getByTestId('contact-form'));
        await card.getByRole('button', { name: 'Remove' }).click();
        await expectOnScreen('Remove contact?', modalPrimary(page), screen);
        await closeWithEscape(page, page.locator('.ant-modal-confirm'));

        await page.getByTestId('action-write-mail').click();
        await expectOnScreen('New mail', page.getByTestId('mail-compose-send'), screen);
        await closeWithEscape(page, page.getByTestId('mail-compose-send'));

        await page.getByTestId('action-delete').click();
        await expectOnScreen('Delete customer?', modalPrimary(page), screen);
        await closeWithEscape(page, page.locator('.ant-modal-confirm'));

        await page.close();
      });

      it('in Settings', async () => {
        const page = await open(screen);
        // Settings: the records' dialogs and the mail account drawer.
        await page.getByTestId('nav-settings').click();
        for (const [tab, testId] of [
          ['regions', 'region'],
          ['customFields', 'field'],
          ['owners', 'owner'],
        ] as const) {
          await page.getByTestId(`settings-tab-${tab}`).click();
          await page.getByTestId(`${testId}-add`).click();
          await expectOnScreen(`Settings: add ${testId}`, page.getByTestId(`${testId}-save`), screen);
          await closeWithEscape(page, page.getByTestId(`${testId}-save`));
        }
        await page.getByTestId('settings-tab-mailAccounts').click();
        await page.getByTestId('mail-account-add').click();
        await expectOnScreen('Add mail account', page.getByTestId('mail-account-save'), screen);
        await closeWithEscape(page, page.getByTestId('mail-account-save'));
        await page.getByTestId('mail-account-remove').click();
        await expectOnScreen('Remove mail account?', page.getByTestId('mail-account-remove-ok'), screen);
        await closeWithEscape(page, page.getByTestId('mail-account-remove-ok'));
        await page.getByTestId('settings-tab-backups').click();
        await page.getByTestId('backup-now').click();
        await page.getByTestId('backup-restore').first().click();
        await expectOnScreen('Restore this backup?', page.getByTestId('restore-confirm-ok'), screen);
        await closeWithEscape(page, page.getByTestId('restore-confirm-ok'));

        await page.close();
      });

      it('in Mail', async () => {
        const page = await open(screen);
        // Mail: a new mail from the Mail page, and a template with its preview.
        await page.getByTestId('nav-mail').click();
        await page.getByTestId('mail-manage-accounts').click();
        await expectOnScreen('Mail accounts', page.getByTestId('mail-accounts-drawer').getByTestId('mail-account-add'), screen);
        await closeWithEscape(page, page.getByTestId('mail-accounts-drawer').getByTestId('mail-account-add'));
        await page.getByTestId('mail-new').click();
        await expectOnScreen('New mail (Mail page)', page.getByTestId('mail-compose-send'), screen);
        await closeWithEscape(page, page.getByTestId('mail-compose-send'));
        // A template's live preview is on screen beside the form, not below the fold.
        await page.getByTestId('mail-view-templates').click();
        await page.getByTestId('template-new').click();
        await expectOnScreen('Template: Save', page.getByTestId('template-save'), screen);
        await page.getByTestId('template-subject').fill('Meet us in Guangzhou');
        await page.getByTestId('template-text').fill('Dear {{contact.firstName | there}},\n\nSee you at the fair.');
        await pick(page, page.getByTestId('template-preview-customer'), 'Harbourside');
        await expect.poll(() => page.getByTestId('template-preview-subject').textContent()).toContain('Guangzhou');
        await expectOnScreen('Template: its preview', page.getByTestId('template-preview-subject'), screen);
        await page.getByTestId('template-item').filter({ hasText: 'Canton Fair invitation' }).click();
        await page.getByTestId('template-remove').click();
        await expectOnScreen('Delete template?', modalPrimary(page), screen);
        await closeWithEscape(page, page.locator('.ant-modal-confirm'));
        await page.close();
      });
    });
  }

  it('keeps the sort direction beside the sort field at 1366 wide', async () => {
    const page = await session.open();
    await page.setViewportSize(SCREENS[0]);
    const field = page.getByTestId('sort-field');
    await expect.poll(() => field.count()).toBe(1);
    const select = await settledBox(field);
    const dir = await settledBox(page.getByTestId('sort-dir'));
    // Same row: the button's middle is level with the Select's, and it sits to its right.
    expect(Math.abs(dir.y + dir.height / 2 - (select.y + select.height / 2))).toBeLessThanOrEqual(2);
    expect(dir.x).toBeGreaterThan(select.x + select.width - 1);
    await page.close();
  });
});

describe('mail’s dialogs and drawers on a laptop screen (web host, Chromium, Dovecot)', () => {
  const session = setupE2eSession();
  const { seed } = session;
  const ME = 'sales@mytrade.cn';
  const CUSTOMER = 'Lisbon Ceramics Lda';
  let dovecot: Dovecot;

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ user: ME, password: 'secret' }] });
    const customer = await seed('customers.create', { name: CUSTOMER, country: 'PT', regionCode: 'EU', grade: 'A' });
    await seed('contacts.create', { customerId: customer.id, name: 'Rita Sousa', isPrimary: true, channels: [{ kind: 'email', value: 'rita@lisbon-ceramics.pt' }] });
    // One mail from the customer (it opens in a drawer over her folder), one from a stranger (a new lead).
    await dovecot.deliver(rfc822({ from: 'Rita Sousa <rita@lisbon-ceramics.pt>', to: ME, subject: 'Glaze samples', body: 'Please send the glaze samples.', messageId: 'glaze@lisbon-ceramics.pt' }), ME);
    await dovecot.deliver(rfc822({ from: 'Tom Baker <tom@oak-furniture.co.uk>', to: ME, subject: 'Catalogue request', body: 'Could you send your catalogue?', messageId: 'catalogue@oak-furniture.co.uk' }), ME);
    await syncTestMailbox(session, dovecot.imapPort, ME, 2);
  });
  afterAll(async () => {
    await dovecot?.stop();
  });

  for (const screen of SCREENS) {
    it(`keeps the primary button of a lead's dialogs and of a message's drawer on a ${screen.width}×${screen.height} screen`, async () => {
      const page = await session.open();
      await page.setViewportSize(screen);

      await page.getByTestId('nav-leads').click();
      const lead = page.getByTestId('lead').filter({ hasText: 'oak-furniture.co.uk' });
      await lead.getByTestId('lead-create').click();
      await expectOnScreen('New customer from a lead', page.getByTestId('lead-create-ok'), screen);
      await closeWithEscape(page, page.getByTestId('lead-create-ok'));
      await lead.getByTestId('lead-attach').click();
      await pick(page, page.getByTestId('lead-attach-customer'), 'Lisbon');
      await expectOnScreen('Attach a lead to a customer', page.getByTestId('lead-attach-ok'), screen);
      await closeWithEscape(page, page.getByTestId('lead-attach-ok'));

      await page.getByTestId('nav-customers').click();
      await page.getByTestId('customer-row-name').filter({ hasText: CUSTOMER }).click();
      await page.getByTestId('tab-mail').click();
      await page.getByTestId('customer-mail').getByTestId('mail-row').filter({ hasText: 'Glaze samples' }).click();
      await expectOnScreen('A message over the folder: Reply', page.getByTestId('mail-drawer').getByTestId('mail-reply'), screen);
      await page.getByTestId('mail-drawer').getByTestId('mail-reply').click();
      await expectOnScreen('Reply', page.getByTestId('mail-compose-send'), screen);
      await page.close();
    });
  }
});
