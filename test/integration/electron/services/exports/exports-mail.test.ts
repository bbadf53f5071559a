import BetterSqlite3 from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import { openMailSource } from '../../../../../electron/services/imports/mail-sources/open-mail-source.ts';
import { writeMbox } from '../../../../helpers/mail-archives.ts';
import { rfc822, withAttachment } from '../../../../helpers/mail-test-kit.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

const cores: TempCore[] = [];

afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

const folder = tempFolders('tf-export-mail-');

async function core(): Promise<TempCore> {
  const c = await createTempCore();
  cores.push(c);
  return c;
}

const PDF = Buffer.from('%PDF-1.4 quotation 报价 %%EOF\n');

/** Anna's mail (filed under her customer) with body lines an mbox must escape; one unrelated message; one with an attachment. */
function mailbox() {
  const date = (d: number) => new Date(Date.UTC(2025, 2, d, 9, 30));
  return {
    q1: rfc822({
      from: 'anna@hamburg-trade.de',
      to: 'li.wei@mytrade.cn',
      subject: 'Quotation for LED panels',
      body: 'Please quote 500 pcs.\r\nFrom here on we ship by sea.\r\n>From the last order: same packing.\r\n>>From quoted twice\r\n',
      messageId: 'q1@hamburg-trade.de',
      date: date(3),
    }),
    q2: rfc822({ from: 'li.wei@mytrade.cn', to: 'anna@hamburg-trade.de', subject: 'Re: Quotation', body: '报价单见附件。\r\nFrom 宁波 to Hamburg: 30 days.\r\n', messageId: 'q2@mytrade.cn', inReplyTo: 'q1@hamburg-trade.de', date: date(4) }),
    other: rfc822({ from: 'news@promo.example', to: 'li.wei@mytrade.cn', subject: 'Weekly deals', body: 'Deals.\r\n', messageId: 'n1@promo.example', date: date(5) }),
    pi: withAttachment({ from: 'li.wei@mytrade.cn', to: 'anna@hamburg-trade.de', subject: 'PI', body: 'PI attached.', messageId: 'pi@mytrade.cn', date: date(6), filename: 'PI 2025/03.pdf', content: PDF }),
  };
}

async function seeded() {
  const app = await core();
  const owner = await app.call('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
  const customer = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', ownerId: owner.id });
  await app.call('contacts.create', { customerId: customer.id, name: 'Anna', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
  const m = mailbox();
  const archive = path.join(folder(), 'li.mbox');
  writeMbox(archive, [m.q1, m.q2, m.other, m.pi], { variant: 'mboxrd' });
  await app.call('imports.startMail', { path: archive, ownerId: owner.id, ownAddresses: [] });
  await app.core.imports().whenIdle();
  return { app, owner, customer, m };
}

async function readBack(file: string): Promise<Buffer[]> {
  const source = await openMailSource(file);
  expect(source.kind).toBe('mbox');
  const out: Buffer[] = [];
  for await (const item of source.items()) {
    expect(item.kind).toBe('message');
    if (item.kind === 'message') out.push(item.raw);
  }
  return out;
}

describe('exports.mail', () => {
  it('writes a customer\u2019s mail as mboxrd that our reader gives back byte for byte, "From " body lines included', async () => {
    const { app, customer, m } = await seeded();
    const file = path.join(folder(), 'hamburg.mbox');
    const result = await app.call('exports.mail', { path: file, customerId: customer.id });
    expect(result).toMatchObject({ kind: 'mail', path: file, messages: 3, rebuiltMessages: 0 });

    const text = fs.readFileSync(file, 'latin1');
    // Escaped on disk (mboxrd): one more ">" on each ">…>From " body line.
    expect(text).toContain('\n>From here on we ship by sea.');
    expect(text).toContain('\n>>From the last order');
    expect(text).toContain('\n>>>From quoted twice');
    expect(text.match(/^From \S+ \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/gm)).toHaveLength(3);

    // Oldest first, each exactly the stored original.
    expect(await readBack(file)).toEqual([m.q1, m.q2, m.pi]);
  });

  it('round-trips: a customer\u2019s export imported into a fresh data folder gives the same Message-IDs and bodies', async () => {
    const { app, customer } = await seeded();
    const file = path.join(folder(), 'hamburg.mbox');
    await app.call('exports.mail', { path: file, customerId: customer.id });

    const fresh = await core();
    await fresh.call('imports.startMail', { path: file, ownerId: null, ownAddresses: [] });
    await fresh.core.imports().whenIdle();
    const [batch] = await fresh.call('imports.list', {});
    expect(batch).toMatchObject({ status: 'done', imported: 3, problems: 0 });
    const db = new BetterSqlite3(path.join(fresh.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const rows = db.prepare('SELECT m.message_id, b.text FROM mail_messages m JOIN mail_bodies b ON b.message_id = m.id ORDER BY m.date_at').all() as Array<{ message_id: string; text: string }>;
    db.close();
    expect(rows.map((r) => r.message_id)).toEqual(['q1@hamburg-trade.de', 'q2@mytrade.cn', 'pi@mytrade.cn']);
    expect(rows[0]!.text).toContain('From here on we ship by sea.');
    expect(rows[0]!.text).toContain('>From the last order: same packing.');
    expect(rows[0]!.text).toMatch(/^>>From quoted twice/m);
    expect(rows[1]!.text).toContain('From 宁波 to Hamburg: 30 days.');
  });

  it('keeps an existing .mbox unless overwrite is given, then replaces it', async () => {
    const { app, customer } = await seeded();
    const file = path.join(folder(), 'hamburg.mbox');
    fs.writeFileSync(file, 'kept');
    expect(await app.fail('exports.mail', { path: file, customerId: customer.id })).toMatchObject({ code: 'conflict', message: 'exports.errors.exists', params: { file } });
    expect(fs.readFileSync(file, 'utf8')).toBe('kept');
    const result = await app.call('exports.mail', { path: file, customerId: customer.id, overwrite: true });
    expect(result.messages).toBeGreaterThan(0);
    expect(fs.readFileSync(file, 'latin1')).toMatch(/^From /);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['hamburg.mbox']);
  });

  it('writes a salesperson\u2019s whole mailbox, each message once, and rebuilds one whose source is gone', async () => {
    const { app, owner, m } = await seeded();
    // The same message in a second folder of the account (as Gmail's labels do), and one message's source lost.
    const db = new BetterSqlite3(path.join(app.dataDir, DATABASE_FILE_NAME));
    const inbox = db.prepare("SELECT folder_id, account_id FROM mail_messages WHERE message_id = 'q1@hamburg-trade.de'").get() as { folder_id: string; account_id: string };
    db.prepare("INSERT INTO mail_folders (id, account_id, path, name, delimiter, special_use, subscribed, sync_enabled, created_at, updated_at) VALUES ('f-copy', ?, 'Copies', 'Copies', '/', NULL, 1, 1, 0, 0)").run(inbox.account_id);
    db.prepare(
      `INSERT INTO mail_messages (id, account_id, folder_id, uid, message_id, subject, from_address, date_at, received_at, direction, seen, flagged, answered, draft, flags, size, has_attachments, raw_sha256, parse_status, parse_warnings, created_at, updated_at)
       SELECT 'copy-q1', account_id, 'f-copy', NULL, message_id, subject, from_address, date_at, received_at, direction, 0, 0, 0, 0, '[]', size, 0, raw_sha256, parse_status, parse_warnings, 0, 0 FROM mail_messages WHERE message_id = 'q1@hamburg-trade.de'`,
    ).run();
    db.prepare("UPDATE mail_messages SET raw_sha256 = NULL WHERE message_id = 'n1@promo.example'").run();
    db.close();

    const file = path.join(folder(), 'li.mbox');
    const result = await app.call('exports.mail', { path: file, ownerId: owner.id });
    expect(result).toMatchObject({ messages: 4, rebuiltMessages: 1 });
    const back = await readBack(file);
    expect(back).toHaveLength(4);
    expect(back).toEqual(expect.arrayContaining([m.q1, m.q2, m.pi]));
    const rebuilt = back.find((raw) => raw.includes('n1@promo.example'))!.toString('utf8');
    expect(rebuilt).toMatch(/^Subject: Weekly deals/m);
    expect(rebuilt).toContain('Deals.');
  });

  it('refuses a customer that does not exist, and both or neither of customer and owner', async () => {
    const app = await core();
    const file = path.join(folder(), 'x.mbox');
    expect(await app.fail('exports.mail', { path: file, customerId: 'nope' })).toMatchObject({ code: 'notFound', message: 'exports.errors.customerNotFound' });
    expect(await app.fail('exports.mail', { path: file })).toMatchObject({ code: 'validation' });
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('exports.everything', () => {
  it('writes customers.xlsx, one mbox per account and the attachments as files into a new folder', async () => {
    const { app, m, customer } = await seeded();
    await app.call('activities.create', { customerId: customer.id, kind: 'call', direction: 'outbound', subject: 'Price talk', body: '=她说下周下单', occurredAt: Date.UTC(2025, 2, 7, 8, 15) });
    const parent = folder();
    const result = await app.call('exports.everything', { folder: parent, language: 'en' });
    expect(result).toMatchObject({ kind: 'everything', customers: 1, contacts: 1, activities: 1, messages: 4, attachments: 1 });
    expect(path.dirname(result.path)).toBe(parent);
    expect(fs.readdirSync(parent)).toEqual([path.basename(result.path)]);
    const inside = fs.readdirSync(result.path, { recursive: true }).map(String).sort();
    expect(inside).toEqual(['attachments', 'attachments/li.wei@mytrade.cn', 'attachments/li.wei@mytrade.cn/2025-03', 'attachments/li.wei@mytrade.cn/2025-03/PI 2025_03.pdf', 'customers.xlsx', 'mail', 'mail/li.wei@mytrade.cn.mbox']);
    expect(fs.readFileSync(path.join(result.path, 'attachments/li.wei@mytrade.cn/2025-03/PI 2025_03.pdf'))).toEqual(PDF);
    expect(await readBack(path.join(result.path, 'mail/li.wei@mytrade.cn.mbox'))).toEqual([m.q1, m.q2, m.other, m.pi]);
    expect(result.files.map((f) => path.relative(result.path, f.path))).toEqual(['customers.xlsx', 'mail/li.wei@mytrade.cn.mbox']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(result.path, 'customers.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Customers', 'Contacts', 'Activities']);
    const activity = workbook.getWorksheet('Activities')!.getRow(2).values as unknown[];
    expect(activity.slice(1)).toEqual([customer.code, 'Hamburg Trade GmbH', '2025-03-07 08:15', 'Call', 'To the customer', undefined, 'Price talk', "'=她说下周下单", 'Li Wei']);
  });
});
