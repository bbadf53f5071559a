import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refileAddresses, refileCustomers } from '../../../../../../electron/services/mail/store/filing.ts';
import { startDovecot, type Dovecot } from '../../../../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../../../../helpers/temp-core.ts';
import { addAccount, appendAll, asMailDb, mailSync, rfc822 } from '../../../../../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.cn';
const may = (day: number) => new Date(Date.UTC(2026, 4, day, 9, 0, 0));

let dovecot: Dovecot;
let app: TempCore;

beforeAll(async () => {
  [dovecot, app] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), createTempCore()]);
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), app?.close()]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('filing mail into customer folders', () => {
  it('files by contact email, then by company domain, never by a free-mail domain, and last contact follows mail both ways', async () => {
    const hamburg = await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', grade: 'A', website: 'https://www.hamburg-trade.de' });
    const anna = await app.call('contacts.create', { customerId: hamburg.id, name: 'Anna Schulz', channels: [{ kind: 'email', value: 'Anna@Hamburg-Trade.de' }] });
    const liwei = await app.call('customers.create', { name: 'Li Wei Trading', regionCode: 'AS', grade: 'B' });
    await app.call('contacts.create', { customerId: liwei.id, name: 'Li Wei', channels: [{ kind: 'email', value: 'li.wei@gmail.com' }] });

    const deliver = (from: string, subject: string, day: number, id: string) =>
      dovecot.deliver(rfc822({ from, to: ME, subject, date: may(day), messageId: id }), ME);
    await deliver('Anna Schulz <anna@hamburg-trade.de>', 'Inquiry', 10, 'inquiry@hamburg-trade.de');
    await deliver('peter@eu.hamburg-trade.de', 'EU warehouse', 11, 'eu@hamburg-trade.de');
    await deliver('bob@hamburg-trade.de', 'Payment', 12, 'payment@hamburg-trade.de');
    await deliver('stranger@gmail.com', 'Hello friend', 13, 'stranger@gmail.com');
    await deliver('li.wei@gmail.com', '样品', 5, 'sample@gmail.com');
    await deliver('newlead@fresh-buyer.com', 'Canton Fair follow-up', 14, 'lead@fresh-buyer.com');
    await appendAll(dovecot, ME, 'Sent', [
      { raw: rfc822({ from: `Sales <${ME}>`, to: 'anna@hamburg-trade.de', subject: 'Re: Inquiry', date: may(20), messageId: 'reply@mytrade.cn', inReplyTo: 'inquiry@hamburg-trade.de' }), date: may(20), flags: ['\\Seen'] },
    ]);
    await appendAll(dovecot, ME, 'Drafts', [
      { raw: rfc822({ from: ME, to: 'anna@hamburg-trade.de', subject: 'Draft offer', date: may(25), messageId: 'draft@mytrade.cn' }), date: may(25), flags: ['\\Draft'] },
    ]);

    const { db } = app.core.database();
    const mail = asMailDb(app.core.database());
    const account = await addAccount(mail, dovecot, { email: ME });
    const sync = mailSync(mail, app.dataDir);
    await sync.syncAccount(account);

    const links = await mail
      .selectFrom('mail_message_customers as l')
      .innerJoin('mail_messages as m', 'm.id', 'l.message_id')
      .select(['m.subject', 'l.customer_id', 'l.contact_id', 'l.match', 'l.direction', 'l.date_at'])
      .orderBy('l.date_at')
      .execute();
    expect(links.map((l) => [l.subject, l.customer_id === hamburg.id ? 'hamburg' : l.customer_id === liwei.id ? 'liwei' : l.customer_id, l.match, l.direction])).toEqual([
      ['样品', 'liwei', 'contact', 'inbound'],
      ['Inquiry', 'hamburg', 'contact', 'inbound'],
      ['EU warehouse', 'hamburg', 'domain', 'inbound'],
      ['Payment', 'hamburg', 'domain', 'inbound'],
      ['Re: Inquiry', 'hamburg', 'contact', 'outbound'],
    ]);
    expect(links.find((l) => l.subject === 'Inquiry')?.contact_id).toBe(anna.id);

    // The reply we sent joined the customer's thread.
    const thread = await mail.selectFrom('mail_messages').select(['subject', 'thread_id']).where('subject', 'in', ['Inquiry', 'Re: Inquiry']).execute();
    expect(new Set(thread.map((t) => t.thread_id)).size).toBe(1);

    // Last contact counts mail in both directions: our reply on 20 May is the newest.
    expect((await app.call('customers.get', { id: hamburg.id })).lastContactedAt).toBe(may(20).getTime());
    expect((await app.call('customers.get', { id: liwei.id })).lastContactedAt).toBe(may(5).getTime());

    // A call after the mail takes over; removing it falls back to the mail.
    const call = await app.call('activities.create', { customerId: hamburg.id, kind: 'call', direction: 'outbound', occurredAt: may(22).getTime() });
    expect((await app.call('customers.get', { id: hamburg.id })).lastContactedAt).toBe(may(22).getTime());
    // The folder's timeline interleaves the call with the customer's mail, newest first, and pages.
    const timeline = await app.call('customers.timeline', { customerId: hamburg.id, limit: 3 });
    expect(timeline.total).toBe(5);
    expect(timeline.rows.map((r) => (r.type === 'mail' ? r.message.subject : r.type === 'activity' ? r.activity.kind : r.type))).toEqual(['call', 'Re: Inquiry', 'Payment']);
    const rest = await app.call('customers.timeline', { customerId: hamburg.id, offset: 3, limit: 3 });
    expect(rest.rows.map((r) => (r.type === 'mail' ? r.message.subject : r.type === 'activity' ? r.activity.kind : r.type))).toEqual(['EU warehouse', 'Inquiry']);
    expect(rest.rows[1]?.type === 'mail' && rest.rows[1].message.customers.map((c) => c.match)).toEqual(['contact']);
    await app.call('activities.remove', { id: call.id });
    expect((await app.call('customers.get', { id: hamburg.id })).lastContactedAt).toBe(may(20).getTime());
    // An older call does not push last contact back.
    await app.call('activities.create', { customerId: liwei.id, kind: 'call', occurredAt: may(1).getTime() });
    expect((await app.call('customers.get', { id: liwei.id })).lastContactedAt).toBe(may(5).getTime());

    // Our reply deleted on the server: the link goes with it and last contact is recomputed.
    const client = await dovecot.connect(ME);
    await client.mailboxOpen('Sent');
    await client.messageDelete('1:*', { uid: true });
    await client.logout();
    await sync.syncAccount(account, { folders: ['Sent'] });
    expect((await app.call('customers.get', { id: hamburg.id })).lastContactedAt).toBe(may(12).getTime());

    // A new customer whose contact wrote to us before: adding the email files the past mail at once.
    const fresh = await app.call('customers.create', { name: 'Fresh Buyer Ltd', regionCode: 'NA', grade: 'C' });
    expect((await app.call('customers.get', { id: fresh.id })).lastContactedAt).toBeNull();
    await app.call('contacts.create', { customerId: fresh.id, name: 'New Lead', channels: [{ kind: 'email', value: 'newlead@fresh-buyer.com' }] });
    expect((await app.call('customers.get', { id: fresh.id })).lastContactedAt).toBe(may(14).getTime());
    expect((await app.call('mail.listMessages', { customerId: fresh.id })).total).toBe(1);
    // Already filed: refiling again changes nothing.
    expect(await refileAddresses(mail, ['newlead@fresh-buyer.com'])).toBe(0);

    // Deleting the customer takes its mail out of the folder; nothing else is touched.
    await app.call('customers.remove', { ids: [fresh.id] });
    expect(await refileCustomers(mail, [fresh.id])).toBe(0);
    const left = await db.selectFrom('customers').select('id').where('id', '=', fresh.id).executeTakeFirstOrThrow();
    expect(left.id).toBe(fresh.id);
    const freshLinks = await mail.selectFrom('mail_message_customers').select('message_id').where('customer_id', '=', fresh.id).execute();
    expect(freshLinks).toHaveLength(0);
    expect(await refileCustomers(mail, [hamburg.id, liwei.id])).toBe(0);
  });
});
