import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../../../db/open-database.ts';
import { DATABASE_FILE_NAME } from '../../../../../../electron/services/core/app-core.ts';
import { fixedClock } from '../../../../../../electron/services/core/clock.ts';
import { preferredMailLanguage } from '../../../../../../electron/services/mail/send/contact-language.queries.ts';
import { startDovecot, startSmtpSink, type Dovecot, type SmtpSink } from '../../../../../helpers/mail-servers.ts';
import { rfc822 } from '../../../../../helpers/mail-test-kit.ts';
import { tempDir } from '../../../../../helpers/temp-core.ts';
import { addSendingAccount, openSendCore, type SendCore } from './mail-send-kit.ts';

/**
 * A contact's preferred mail language frames replies and forwards to them (issue 11, point 9),
 * through the real services: contacts written by contacts.create/update, mail delivered to a
 * real Dovecot and synced, drafts from mail.compose with the UI in the other language.
 */

const LI = { user: 'li@tradefolio.test', password: 'auth-code-77c1' };
const DATE = new Date('2026-11-29T03:24:00Z');

let dovecot: Dovecot;
let sink: SmtpSink;
let app: SendCore;
let accountId: string;
let customerId: string;
const dataDir = tempDir('tf-mail-language-');

/** Delivers one mail to Li's inbox, syncs, and returns its id here. */
async function receive(spec: { from: string; subject: string; body: string; cc?: string }): Promise<string> {
  const messageId = `${Math.random().toString(36).slice(2)}@buyer.test`;
  await dovecot.deliver(rfc822({ ...spec, to: `Li Wei <${LI.user}>`, date: DATE, messageId }), LI.user);
  await app.call('mail.syncNow', { accountId });
  await app.core.mail().whenIdle();
  const rows = (await app.call('mail.listMessages', { customerId, limit: 200 })).rows;
  const row = rows.find((r) => r.subject === spec.subject);
  if (!row) throw new Error(`mail "${spec.subject}" was not filed under the customer`);
  return row.id;
}

beforeAll(async () => {
  [dovecot, sink] = await Promise.all([startDovecot({ users: [LI] }), startSmtpSink({ auth: { user: LI.user, pass: LI.password } })]);
  app = await openSendCore(fixedClock(Date.now()), dataDir);
  accountId = await addSendingAccount(app, dovecot, sink, LI, { displayName: 'Li Wei' });
  const customer = await app.call('customers.create', { name: 'Ivanova Trading OÜ', regionCode: 'EU', country: 'EE' });
  customerId = customer.id;
  await app.call('mail.syncNow', { accountId });
  await app.core.mail().whenIdle();
});

afterAll(async () => {
  await app?.close();
  await Promise.all([dovecot?.stop(), sink?.stop()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("a contact's preferred mail language", () => {
  it('is stored, read back and cleared through contacts.create and contacts.update', async () => {
    const created = await app.call('contacts.create', { customerId, name: 'Nobody Yet', preferredLanguage: 'zh-CN', channels: [{ kind: 'email', value: 'nobody@ivanova.test' }] });
    expect(created.preferredLanguage).toBe('zh-CN');
    expect((await app.call('customers.get', { id: customerId })).contacts.find((c) => c.id === created.id)?.preferredLanguage).toBe('zh-CN');
    const cleared = await app.call('contacts.update', { id: created.id, customerId, name: 'Nobody Yet', preferredLanguage: null, channels: [] });
    expect(cleared.preferredLanguage).toBeNull();
    // A language the app cannot write mail in is refused as data, naming the field.
    const refused = await app.fail('contacts.update', { id: created.id, customerId, name: 'Nobody Yet', preferredLanguage: 'de' });
    expect(refused).toMatchObject({ code: 'validation', fieldErrors: [{ path: 'preferredLanguage' }] });
    await app.call('contacts.remove', { id: created.id });
  });

  it('frames the reply to a Chinese mail in English for a contact who chose English, with the UI in Chinese', async () => {
    await app.call('contacts.create', { customerId, name: 'Lukas Ivanova', preferredLanguage: 'en', channels: [{ kind: 'email', value: 'Lukas@Ivanova.test' }] });
    const id = await receive({ from: 'Lukas Ivanova <lukas@ivanova.test>', subject: '询价 500 件', body: '李经理您好，请报500件FOB宁波的价格，谢谢。' });

    for (const kind of ['reply', 'replyAll'] as const) {
      const draft = await app.call('mail.compose', { kind, messageId: id, locale: 'zh-CN', timeZone: 'UTC' });
      expect(draft.text).toContain('\nOn Sun, 29 Nov 2026, 03:24, Lukas Ivanova <lukas@ivanova.test> wrote:\n> 李经理您好');
      expect(draft.text).not.toContain('写道');
    }
    const forward = await app.call('mail.compose', { kind: 'forward', messageId: id, locale: 'zh-CN', timeZone: 'UTC' });
    expect(forward.text).toContain('---------- Forwarded message ----------\nFrom: Lukas Ivanova <lukas@ivanova.test>\nDate: Sun, 29 Nov 2026, 03:24\n');
  });

  it('frames the reply to an English mail in Chinese for a contact who chose Chinese, with the UI in English', async () => {
    await app.call('contacts.create', { customerId, name: '王芳', preferredLanguage: 'zh-CN', channels: [{ kind: 'email', value: 'wang.fang@ivanova.test' }] });
    const id = await receive({ from: 'Wang Fang <wang.fang@ivanova.test>', subject: 'Inquiry 500 pcs', body: 'Dear Li, please quote 500 pcs FOB Ningbo.' });

    const draft = await app.call('mail.compose', { kind: 'reply', messageId: id, locale: 'en', timeZone: 'UTC' });
    expect(draft.text).toContain('\nWang Fang <wang.fang@ivanova.test> 于 2026年11月29日周日 03:24 写道：\n> Dear Li');
    expect(draft.text).not.toContain(' wrote:');
    const forward = await app.call('mail.compose', { kind: 'forward', messageId: id, locale: 'en', timeZone: 'UTC' });
    expect(forward.text).toContain('---------- 转发的邮件 ----------\n');
  });

  it("follows each mail's language for a contact who chose nothing", async () => {
    await app.call('contacts.create', { customerId, name: 'Mia Berg', channels: [{ kind: 'email', value: 'mia@ivanova.test' }] });
    const chinese = await receive({ from: 'Mia Berg <mia@ivanova.test>', subject: '样品', body: '样品已收到，谢谢。' });
    const english = await receive({ from: 'Mia Berg <mia@ivanova.test>', subject: 'Samples', body: 'Samples received, thank you.' });

    expect((await app.call('mail.compose', { kind: 'reply', messageId: chinese, locale: 'en', timeZone: 'UTC' })).text).toContain('Mia Berg <mia@ivanova.test> 于 2026年11月29日周日 03:24 写道：');
    expect((await app.call('mail.compose', { kind: 'reply', messageId: english, locale: 'zh-CN', timeZone: 'UTC' })).text).toContain('On Sun, 29 Nov 2026, 03:24, Mia Berg <mia@ivanova.test> wrote:');
  });

  it('is asked of the person answered first: a shared address takes the preference one of its contacts has', async () => {
    // A second connection to the app's file, as the CLI beside a running app would open it.
    const { db, close } = await openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
    try {
      await app.call('contacts.create', { customerId, name: 'Sales desk', channels: [{ kind: 'email', value: 'sales@ivanova.test' }] });
      expect(await preferredMailLanguage(db, ['sales@ivanova.test'])).toBeNull();
      await app.call('contacts.create', { customerId, name: 'Sales desk (Tallinn)', preferredLanguage: 'en', channels: [{ kind: 'email', value: 'sales@ivanova.test' }] });
      expect(await preferredMailLanguage(db, [' SALES@ivanova.test '])).toBe('en');
      // The first known address decides, even when it has no preference; unknown ones are passed over.
      expect(await preferredMailLanguage(db, ['stranger@else.test', 'mia@ivanova.test', 'lukas@ivanova.test'])).toBeNull();
      expect(await preferredMailLanguage(db, ['stranger@else.test', 'wang.fang@ivanova.test', 'lukas@ivanova.test'])).toBe('zh-CN');
      expect(await preferredMailLanguage(db, [])).toBeNull();
    } finally {
      await close();
    }
  });
});
