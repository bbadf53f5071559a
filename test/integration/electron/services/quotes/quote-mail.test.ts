import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QUOTES_BY_KEY } from '../../../../../electron/services/mail/store/quote-links.queries.ts';
import { writeMbox } from '../../../../helpers/mail-archives.ts';
import { rfc822 } from '../../../../helpers/mail-test-kit.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const folder = tempFolders('tf-quote-mail-');

/** A customer with two quotes, Q2026-0042 (revised as -R1) and Q2026-0050, written as the quotes service stores them. */
async function withQuotes() {
  const app = await createTempCore();
  cores.push(app);
  const owner = await app.call('owners.create', { name: 'Li Wei', email: 'li.wei@mytrade.cn' });
  const customer = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', country: 'DE', ownerId: owner.id });
  const sqlite = app.core.database().sqlite;
  const insert = sqlite.prepare(`INSERT INTO quotes (id, number, base_number, revision, customer_id, status, language, quoted_at, created_at, updated_at, pi_number)
    VALUES (?, ?, ?, ?, ?, 'sent', 'en', 1, 1, 1, ?)`);
  insert.run('q42', 'Q2026-0042', 'Q2026-0042', 0, customer.id, null);
  insert.run('q42r1', 'Q2026-0042-R1', 'Q2026-0042', 1, customer.id, null);
  insert.run('q50', 'Q2026-0050', 'Q2026-0050', 0, customer.id, null);
  return { app, owner, customer, sqlite };
}

async function importMail(app: TempCore, ownerId: string, messages: Buffer[]) {
  const archive = path.join(folder(), 'mail.mbox');
  writeMbox(archive, messages, { variant: 'mboxrd' });
  await app.call('imports.startMail', { path: archive, ownerId, ownAddresses: [] });
  await app.core.imports().whenIdle();
}

const date = (d: number) => new Date(Date.UTC(2026, 2, d, 9, 30));
const mail = (id: string, subject: string, body: string, d: number) =>
  rfc822({ from: 'anna@hamburg-trade.de', to: 'li.wei@mytrade.cn', subject, body, messageId: `${id}@hamburg-trade.de`, date: date(d) });

describe('mail naming a quote is linked to it', () => {
  it('links mail by the number in its subject or body, in any case, and only the whole number', async () => {
    const { app, owner, sqlite } = await withQuotes();
    await importMail(app, owner.id, [
      mail('a', 'RE: q2026-0042 price', 'Can you do better?', 1),
      mail('b', 'Order', '请查收报价单Q2026-0042-R1，谢谢。', 2),
      mail('c', 'Another', 'Our item Q2026-00421 is not your quote.', 3),
      mail('d', 'Hello', 'Nothing about quotes.', 4),
    ]);
    const links = sqlite.prepare(`SELECT l.quote_id, m.message_id, l.linked_by FROM quote_messages l JOIN mail_messages m ON m.id = l.message_id ORDER BY m.message_id`).all();
    expect(links).toEqual([
      { quote_id: 'q42', message_id: 'a@hamburg-trade.de', linked_by: 'number' },
      { quote_id: 'q42r1', message_id: 'b@hamburg-trade.de', linked_by: 'number' },
    ]);
    // The quote shows the mail of all its revisions, newest first.
    const { rows } = await app.call('quotes.mail', { quoteId: 'q42' });
    expect(rows.map((r) => [r.subject, r.quoteNumber, r.linkedBy])).toEqual([
      ['Order', 'Q2026-0042-R1', 'number'],
      ['RE: q2026-0042 price', 'Q2026-0042', 'number'],
    ]);
    // Importing the same mail again adds no link twice.
    await importMail(app, owner.id, [mail('a', 'RE: q2026-0042 price', 'Can you do better?', 1)]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM quote_messages').get()).toEqual({ n: 2 });
  });

  it('links and unlinks by hand, names the missing record, and links old mail to a PI number typed in later', async () => {
    const { app, owner, sqlite } = await withQuotes();
    await importMail(app, owner.id, [mail('p', 'Payment for PI-2026/15', 'Paid today.', 5), mail('x', 'Samples', 'See you.', 6)]);
    const id = (messageId: string) => (sqlite.prepare('SELECT id FROM mail_messages WHERE message_id = ?').get(messageId) as { id: string }).id;
    expect(await app.call('quotes.linkMessage', { quoteId: 'q50', messageId: id('x@hamburg-trade.de') })).toEqual({ count: 1 });
    expect((await app.call('quotes.ofMessage', { messageId: id('x@hamburg-trade.de') })).map((q) => [q.number, q.linkedBy])).toEqual([['Q2026-0050', 'user']]);
    expect(await app.call('quotes.unlinkMessage', { quoteId: 'q50', messageId: id('x@hamburg-trade.de') })).toEqual({ count: 1 });
    const missing = await app.fail('quotes.linkMessage', { quoteId: 'nope', messageId: id('x@hamburg-trade.de') });
    expect(missing.fieldErrors?.[0]).toMatchObject({ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound' });

    // Accepting the quote with its PI number links the mail that already named it.
    await app.call('quotes.setStatus', { id: 'q50', status: 'accepted', piNumber: 'pi-2026/15' });
    expect((await app.call('quotes.mail', { quoteId: 'q50' })).rows.map((r) => r.subject)).toEqual(['Payment for PI-2026/15']);
    // New mail naming the PI number links as it arrives.
    await importMail(app, owner.id, [mail('p2', 'pi-2026/15 shipped?', 'When?', 7)]);
    expect((await app.call('quotes.mail', { quoteId: 'q50' })).rows).toHaveLength(2);
  });

  it('looks numbers up through the upper() indexes', async () => {
    const { sqlite } = await withQuotes();
    const plan = queryPlan(sqlite, QUOTES_BY_KEY, '["Q2026-0042"]', '["Q2026-0042"]').join('\n');
    expect(plan).toMatch(/USING INDEX quotes_number_key/);
    expect(plan).toMatch(/USING INDEX quotes_pi_number_key/);
  });

  it('prepares the mail that sends a quote: to its contact, in its language, with its PDF', async () => {
    const { app, customer, sqlite } = await withQuotes();
    const anna = await app.call('contacts.create', { customerId: customer.id, name: 'Anna', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] });
    sqlite.prepare(`UPDATE quotes SET contact_id = ?, valid_until = ? WHERE id = 'q42'`).run(anna.id, Date.UTC(2026, 6, 31));
    sqlite.prepare(`UPDATE quotes SET language = 'zh-CN' WHERE id = 'q50'`).run();
    sqlite.exec(`INSERT INTO quote_lines (id, quote_id, seq, description, quantity, unit, unit_price_e4, currency, amount_e4) VALUES ('l1', 'q42', 1, 'LED panel', 10, 'pcs', 125000, 'USD', 1250000)`);
    const draft = await app.call('quotes.mailDraft', { quoteId: 'q42' });
    expect(draft).toMatchObject({ quoteId: 'q42', customerId: customer.id, contactId: anna.id, subject: 'Quotation Q2026-0042' });
    expect(draft.text).toBe('Dear Anna,\n\nPlease find attached our quotation Q2026-0042.\nThe prices are valid until 31 Jul 2026.');
    const pdf = Buffer.from(draft.attachment.contentBase64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(draft.attachment).toMatchObject({ filename: 'Q2026-0042.pdf', contentType: 'application/pdf', size: pdf.length });
    const chinese = await app.call('quotes.mailDraft', { quoteId: 'q50' });
    expect([chinese.subject, chinese.contactId, chinese.text]).toEqual(['报价单 Q2026-0050', null, '您好：\n\n附件是我司报价单 Q2026-0050，请查收。']);
    const missing = await app.fail('quotes.mailDraft', { quoteId: 'nope' });
    expect(missing.fieldErrors?.[0]).toMatchObject({ path: 'quoteId', message: 'quoteMail.errors.quoteNotFound' });
  });
});
