import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../../../../electron/services/core/app-core.ts';
import type { ImportBatch } from '../../../../../shared/contract/imports.contract.ts';
import { runCliChild } from '../../../../helpers/child-hosts.ts';
import { corpusMessages, withMessageId, writeEmlTree, writeMaildir, writeMbox } from '../../../../helpers/mail-archives.ts';
import { rfc822 } from '../../../../helpers/mail-test-kit.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

let app: TempCore | null = null;

afterEach(async () => {
  await app?.close();
  app = null;
});

const folder = tempFolders('tf-import-');

/** Real corpus messages, each with a Message-ID of its own so that none is a copy of another. */
function archiveMessages(n: number, tag: string): Buffer[] {
  return corpusMessages(n).map((m, i) => withMessageId(m.raw, `${tag}-${i}@corpus.test`));
}

async function importAndWait(core: TempCore, input: { path: string; ownerId?: string | null; ownAddresses?: string[] }): Promise<ImportBatch> {
  const started = await core.call('imports.startMail', { path: input.path, ownerId: input.ownerId ?? null, ownAddresses: input.ownAddresses ?? [] });
  await core.core.imports().whenIdle();
  return (await core.call('imports.list', {})).find((b) => b.id === started.id)!;
}

async function customerWith(core: TempCore, name: string, email: string) {
  const customer = await core.call('customers.create', { name, regionCode: 'EU', country: 'DE' });
  await core.call('contacts.create', { customerId: customer.id, name: email.split('@')[0]!, channels: [{ kind: 'email', value: email }] });
  return customer;
}

function count(dataDir: string, sql: string): number {
  const db = new BetterSqlite3(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('importing mail archives', () => {
  it('imports an mbox into an archive account, searchable and filed, and a second import of it adds nothing', async () => {
    app = await createTempCore();
    const owner = await app.call('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
    const customer = await customerWith(app, 'Hamburg Trade GmbH', 'anna@hamburg-trade.de');
    const archive = path.join(folder('tf-import-mbox-'), 'li.wei.mbox');
    const ours = [
      rfc822({ from: 'anna@hamburg-trade.de', to: 'li.wei@mytrade.cn', subject: 'Quotation for LED panels', body: 'Please quote 500 pcs.\n', messageId: 'q1@hamburg-trade.de', date: new Date(Date.UTC(2025, 2, 3)) }),
      rfc822({ from: 'li.wei@mytrade.cn', to: 'anna@hamburg-trade.de', subject: 'Re: Quotation for LED panels', body: '报价单见附件。\n', messageId: 'q2@mytrade.cn', inReplyTo: 'q1@hamburg-trade.de', date: new Date(Date.UTC(2025, 2, 4)) }),
    ];
    const messages = [...archiveMessages(260, 'mbox'), ...ours];
    writeMbox(archive, messages, { variant: 'mboxrd' });

    const done = await importAndWait(app, { path: archive, ownerId: owner.id });
    expect(done).toMatchObject({ status: 'done', sourceKind: 'mbox', imported: messages.length, duplicates: 0, problems: 0, itemsDone: messages.length, error: null });
    expect(done.bytesTotal).toBe(fs.statSync(archive).size);
    const accounts = await app.call('mail.listAccounts', {});
    expect(accounts.find((a) => a.id === done.accountId)).toMatchObject({ kind: 'archive', email: 'li.wei@mytrade.cn' });
    expect(count(app.dataDir, `SELECT count(*) FROM mail_messages WHERE account_id = '${done.accountId}'`)).toBe(messages.length);

    // Filed like synced mail: the customer's timeline shows both, our reply as sent mail.
    const timeline = await app.call('customers.timeline', { customerId: customer.id });
    expect(timeline.rows.map((r) => r.type === 'mail' && r.message.subject)).toEqual(expect.arrayContaining(['Quotation for LED panels', 'Re: Quotation for LED panels']));
    expect(count(app.dataDir, "SELECT direction FROM mail_messages WHERE message_id = 'q2@mytrade.cn'")).toBe('outbound');
    // Searchable, Chinese included.
    const found = await app.call('search.all', { query: '报价单' });
    expect(found.messages.total).toBeGreaterThanOrEqual(1);

    // The same archive again: a new import that finds every message already there.
    const again = await importAndWait(app, { path: archive, ownerId: owner.id });
    expect(again).toMatchObject({ status: 'done', imported: 0, duplicates: messages.length });
    expect(count(app.dataDir, 'SELECT count(*) FROM mail_messages')).toBe(messages.length);
  });

  it('keeps the folders of a Maildir and of an .eml tree, with Sent mail as sent, and skips the same mail exported twice', async () => {
    app = await createTempCore();
    const messages = archiveMessages(90, 'tree');
    const maildir = folder('tf-import-maildir-');
    writeMaildir(maildir, messages);
    const fromMaildir = await importAndWait(app, { path: maildir });
    expect(fromMaildir).toMatchObject({ status: 'done', sourceKind: 'maildir', imported: 90, duplicates: 0 });
    const db = new BetterSqlite3(path.join(app.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const folders = db.prepare('SELECT path, special_use AS use FROM mail_folders WHERE account_id = ? ORDER BY path').all(fromMaildir.accountId);
    db.close();
    expect(folders).toEqual([{ path: 'Archive/2023', use: null }, { path: 'INBOX', use: 'inbox' }, { path: 'Sent', use: 'sent' }]);
    expect(count(app.dataDir, `SELECT count(*) FROM mail_messages m JOIN mail_folders f ON f.id = m.folder_id WHERE f.path = 'Sent' AND m.direction = 'outbound'`)).toBe(30);

    // The same mail as a Foxmail-style .eml export: different files, the same messages.
    const tree = folder('tf-import-eml-');
    writeEmlTree(tree, messages);
    const fromTree = await importAndWait(app, { path: tree });
    expect(fromTree).toMatchObject({ status: 'done', sourceKind: 'folder', imported: 0, duplicates: 90 });
  });

  it('knows another copy of a stored message by its Message-ID, date and sender, and keeps a reused Message-ID', async () => {
    app = await createTempCore();
    const dir = folder('tf-import-copies-');
    const original = { from: 'anna@hamburg-trade.de', to: 'me@mytrade.cn', subject: 'Order 2291', body: 'Please confirm.\n', messageId: 'po-2291@hamburg-trade.de', date: new Date(Date.UTC(2025, 3, 2)) };
    writeMbox(path.join(dir, 'first.mbox'), [rfc822(original)], { variant: 'mboxrd' });
    expect(await importAndWait(app, { path: path.join(dir, 'first.mbox') })).toMatchObject({ imported: 1 });
    // The same mail as another program exported it: a header more, so other bytes.
    const copy = rfc822({ ...original, headers: ['X-Exported-By: Foxmail 7.2'] });
    // Another mail that reuses the Message-ID (a broken mailer): another date, so it is kept.
    const reuse = rfc822({ ...original, subject: 'Order 2292', date: new Date(Date.UTC(2025, 3, 9)) });
    writeMbox(path.join(dir, 'second.mbox'), [copy, reuse], { variant: 'mboxrd' });
    expect(await importAndWait(app, { path: path.join(dir, 'second.mbox') })).toMatchObject({ status: 'done', imported: 1, duplicates: 1 });
    expect(count(app.dataDir, "SELECT count(*) FROM mail_messages WHERE message_id = 'po-2291@hamburg-trade.de'")).toBe(2);
  });

  it('reports what it skipped, by record and reason, and imports the rest', async () => {
    app = await createTempCore();
    const dir = folder('tf-import-bad-');
    const good = archiveMessages(5, 'bad');
    writeMbox(path.join(dir, 'good.mbox'), good, { variant: 'mboxrd' });
    // Cut off while copying: the last message stops mid-way.
    const cut = path.join(dir, 'cut.mbox');
    writeMbox(cut, archiveMessages(3, 'cut'), { variant: 'mboxrd' });
    fs.truncateSync(cut, fs.statSync(cut).size - 40);
    fs.writeFileSync(path.join(dir, 'junk.mbox'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    const done = await importAndWait(app, { path: dir });
    expect(done).toMatchObject({ status: 'done', imported: 7 });
    expect(done.problems).toBe(2);
    const report = await app.call('imports.problems', { id: done.id });
    expect(report.rows.map((r) => r.reason.key).sort()).toEqual(['mailSources.problems.mboxTruncated', 'mailSources.problems.notMbox']);
    expect(report.rows.every((r) => typeof r.reason.params.file === 'string')).toBe(true);
  });

  it('undoes an import entirely: its mail, its folders, and the customers it touched', async () => {
    app = await createTempCore();
    const customer = await customerWith(app, 'Iberia Import SL', 'maria@iberia-import.es');
    const archive = path.join(folder('tf-import-undo-'), 'maria.mbox');
    writeMbox(archive, [rfc822({ from: 'maria@iberia-import.es', to: 'me@mytrade.cn', subject: 'Samples received', messageId: 's1@iberia-import.es', date: new Date(Date.UTC(2025, 5, 1)) })], { variant: 'mboxrd' });
    const done = await importAndWait(app, { path: archive });
    expect((await app.call('customers.get', { id: customer.id })).lastContactedAt).toBe(Date.UTC(2025, 5, 1));
    const undone = await app.call('imports.undo', { id: done.id });
    expect(undone).toMatchObject({ status: 'undone', accountId: null });
    expect(count(app.dataDir, 'SELECT count(*) FROM mail_messages')).toBe(0);
    expect(count(app.dataDir, `SELECT count(*) FROM mail_accounts WHERE id = '${done.accountId}'`)).toBe(0);
    expect((await app.call('customers.get', { id: customer.id })).lastContactedAt).toBeNull();
    // Undone mail may be imported again.
    expect(await importAndWait(app, { path: archive })).toMatchObject({ imported: 1, duplicates: 0 });
  });

  it('stops on cancel after a committed batch and goes on from there when resumed', async () => {
    app = await createTempCore();
    const archive = path.join(folder('tf-import-cancel-'), 'big.mbox');
    const messages = archiveMessages(700, 'cancel');
    writeMbox(archive, messages, { variant: 'mboxrd' });
    let cancelled: Promise<unknown> | null = null;
    const unsubscribe = app.core.subscribe((event, payload) => {
      if (event === 'imports.progress' && !cancelled && (payload as ImportBatch).status === 'running') cancelled = app!.call('imports.cancel', { id: (payload as ImportBatch).id });
    });
    const started = await app.call('imports.startMail', { path: archive, ownerId: null, ownAddresses: [] });
    await app.core.imports().whenIdle();
    await cancelled;
    unsubscribe();
    const stopped = (await app.call('imports.list', {})).find((b) => b.id === started.id)!;
    expect(stopped.status).toBe('cancelled');
    expect(stopped.imported).toBeGreaterThan(0);
    expect(stopped.imported).toBeLessThan(700);
    // Starting the same path again resumes that import rather than making another.
    const resumed = await app.call('imports.startMail', { path: archive, ownerId: null, ownAddresses: [] });
    expect(resumed.id).toBe(started.id);
    await app.core.imports().whenIdle();
    const done = (await app.call('imports.list', {})).find((b) => b.id === started.id)!;
    expect(done).toMatchObject({ status: 'done', imported: 700, duplicates: 0, itemsDone: 700 });
    expect(count(app.dataDir, 'SELECT count(*) FROM mail_messages')).toBe(700);
  });

  it('survives the importing process being killed mid-import: the database is intact and the import resumes with nothing lost or doubled', async () => {
    const dataDir = folder('tf-import-kill-');
    const archive = path.join(folder('tf-import-kill-src-'), 'departed.mbox');
    const messages = archiveMessages(650, 'kill');
    writeMbox(archive, messages, { variant: 'mboxrd' });

    // Killed right after the second batch committed, and once more between storing content and committing.
    const first = await runCliChild(dataDir, ['import', 'mail', archive], { TRADEFOLIO_TEST_FAULT_POINT: 'import:committed:2' });
    expect(first.signal).toBe('SIGKILL');
    expect(count(dataDir, 'PRAGMA integrity_check') as unknown).toBe('ok');
    expect(count(dataDir, 'SELECT count(*) FROM mail_messages')).toBe(400);
    const second = await runCliChild(dataDir, ['import', 'mail', archive], { TRADEFOLIO_TEST_FAULT_POINT: 'import:content-stored:1' });
    expect(second.signal).toBe('SIGKILL');
    expect(count(dataDir, 'PRAGMA integrity_check') as unknown).toBe('ok');
    expect(count(dataDir, 'SELECT count(*) FROM mail_messages')).toBe(400);

    const last = await runCliChild(dataDir, ['import', 'mail', archive]);
    expect(last.code).toBe(0);
    expect(last.stderr).toContain('resuming the import');
    expect(last.stdout).toContain('done');
    expect(count(dataDir, 'SELECT count(*) FROM mail_messages')).toBe(650);
    expect(count(dataDir, 'SELECT count(DISTINCT message_id) FROM mail_messages')).toBe(650);
    expect(count(dataDir, 'SELECT count(*) FROM import_batches')).toBe(1);
    expect(count(dataDir, "SELECT imported FROM import_batches WHERE status = 'done'")).toBe(650);
  });
});
