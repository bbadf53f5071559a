import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { accountSync, appendAll, rfc822 } from '../../../../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.cn';
const nov = (day: number) => new Date(Date.UTC(2026, 10, day, 9, 0, 0));

let dovecot: Dovecot;
let app: TempCore;
let hamburgId: string;

async function leadKeys(): Promise<string[]> {
  return (await app.call('leads.list', {})).rows.map((l) => l.key);
}

beforeAll(async () => {
  [dovecot, app] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), createTempCore()]);
  hamburgId = (await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', website: 'https://www.hamburg-trade.de' })).id;

  let n = 0;
  const inbound = (from: string, subject: string, day: number, cc?: string) =>
    dovecot.deliver(rfc822({ from, to: ME, subject, date: nov(day), messageId: `m${++n}@test`, ...(cc ? { cc } : {}) }), ME);
  await inbound('Bob Buyer <buyer@fresh-buyer.com>', 'Inquiry about LED panels', 1);
  await inbound('Bob Buyer <buyer@fresh-buyer.com>', '样品什么时候发货？', 3, 'boss@mytrade.cn');
  await inbound('Olga Ops <ops@fresh-buyer.com>', 'Shipping address', 2);
  await inbound('Li Lei <li.lei@gmail.com>', 'Hello from Canton Fair', 4);
  await inbound('stranger@gmail.com', 'Catalogue please', 5);
  await inbound('stranger@gmail.com', 'Catalogue again', 6);
  for (const day of [7, 8, 9]) await inbound('Promo News <news@promo-mail.com>', `Weekly deals ${day}`, day);
  await inbound('Anna <anna@hamburg-trade.de>', 'Filed by domain', 10, 'forwarder@dhl-partner.com');
  await appendAll(dovecot, ME, 'Sent', [{ raw: rfc822({ from: ME, to: 'Ian Importer <ian@importer.co.uk>', subject: 'Our offer', date: nov(11), messageId: 'offer@mytrade.cn' }), date: nov(11) }]);
  await appendAll(dovecot, ME, 'Junk', [{ raw: rfc822({ from: 'spam@spam.biz', to: ME, subject: 'Win', date: nov(12), messageId: 'spam@spam.biz' }), date: nov(12) }]);
  await appendAll(dovecot, ME, 'Drafts', [{ raw: rfc822({ from: ME, to: 'draft@drafty.com', subject: 'Draft', date: nov(13), messageId: 'draft@mytrade.cn' }), date: nov(13), flags: ['\\Draft'] }]);

  await (await accountSync(app, dovecot, ME))();
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), app?.close()]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('New leads', () => {
  it('groups unknown correspondents by company domain and free-mail senders per address, newest first', async () => {
    const list = await app.call('leads.list', {});
    // Not ours (own address, own domain), not filed mail's cc, not Junk, not Drafts.
    expect(list.rows.map((l) => [l.key, l.kind, l.messages])).toEqual([
      ['importer.co.uk', 'domain', 1],
      ['promo-mail.com', 'domain', 3],
      ['stranger@gmail.com', 'address', 2],
      ['li.lei@gmail.com', 'address', 1],
      ['fresh-buyer.com', 'domain', 3],
    ]);
    expect(list.total).toBe(5);
    const fresh = list.rows.find((l) => l.key === 'fresh-buyer.com')!;
    expect(fresh.addresses).toEqual([
      { address: 'buyer@fresh-buyer.com', name: 'Bob Buyer', messages: 2 },
      { address: 'ops@fresh-buyer.com', name: 'Olga Ops', messages: 1 },
    ]);
    expect(fresh.samples.map((s) => s.subject)).toEqual(['样品什么时候发货？', 'Shipping address', 'Inquiry about LED panels']);
    expect(fresh.lastAt).toBe(nov(3).getTime());
    expect(list.rows.find((l) => l.key === 'importer.co.uk')!.samples[0]!.direction).toBe('outbound');
    expect(list.rows.find((l) => l.key === 'stranger@gmail.com')!.domain).toBe('gmail.com');
    const page = await app.call('leads.list', { offset: 1, limit: 2 });
    expect(page.rows.map((l) => l.key)).toEqual(['promo-mail.com', 'stranger@gmail.com']);
    expect(page.total).toBe(5);

    // The list looks at recent mail (90 days unless asked otherwise): 100 days before 15 Feb is 7 Nov.
    const now = app.clock.now();
    app.clock.set(Date.UTC(2027, 1, 15));
    expect((await app.call('leads.list', {})).total).toBe(0);
    expect((await app.call('leads.list', { sinceDays: 100 })).rows.map((l) => [l.key, l.messages])).toEqual([
      ['importer.co.uk', 1],
      ['promo-mail.com', 3],
    ]);
    expect((await app.call('leads.list', { sinceDays: null })).total).toBe(5);
    app.clock.set(now);
  });

  it('"create customer" makes the customer with a contact per address, files the mail at once and removes the lead', async () => {
    const created = await app.call('leads.createCustomer', {
      key: 'fresh-buyer.com',
      customer: { name: 'Fresh Buyer Ltd', regionCode: 'NA', website: 'fresh-buyer.com' },
    });
    expect(created.contacts.map((c) => [c.name, c.isPrimary, c.channels.map((ch) => ch.value)])).toEqual([
      ['Bob Buyer', true, ['buyer@fresh-buyer.com']],
      ['Olga Ops', false, ['ops@fresh-buyer.com']],
    ]);
    expect(created.lastContactedAt).toBe(nov(3).getTime());
    expect((await app.call('mail.listMessages', { customerId: created.id })).total).toBe(3);
    expect(await leadKeys()).not.toContain('fresh-buyer.com');
    // Gone means gone: creating it twice is refused.
    const again = await app.fail('leads.createCustomer', { key: 'fresh-buyer.com', customer: { name: 'Again', regionCode: 'NA' } });
    expect(again).toMatchObject({ code: 'notFound', message: 'errors.leadNotFound', params: { key: 'fresh-buyer.com' } });

    // A free-mail sender with a name typed in the form; an address not in the lead is named.
    const wrong = await app.fail('leads.createCustomer', { key: 'li.lei@gmail.com', customer: { name: 'Li Lei Trading', regionCode: 'AS' }, contacts: [{ address: 'other@gmail.com', name: 'X' }] });
    expect(wrong.fieldErrors).toEqual([{ path: 'addresses.0', message: 'errors.leadAddressNotInLead', params: { address: 'other@gmail.com', key: 'li.lei@gmail.com' } }]);
    expect((await app.call('customers.list', { search: 'Li Lei Trading' })).total).toBe(0);
    const lilei = await app.call('leads.createCustomer', { key: 'li.lei@gmail.com', customer: { name: 'Li Lei Trading', regionCode: 'AS' }, contacts: [{ address: 'Li.Lei@gmail.com', name: '李雷' }] });
    expect(lilei.contacts.map((c) => c.name)).toEqual(['李雷']);
    // A free-mail address is no company domain.
    expect(lilei.domains).toEqual([]);
    expect((await app.call('mail.listMessages', { customerId: lilei.id })).total).toBe(1);
  });

  it('"attach to existing" adds the address as a contact, or the domain as the website, and files the mail', async () => {
    const hamburg = await app.call('leads.attach', { key: 'stranger@gmail.com', customerId: hamburgId });
    expect(hamburg.contacts.map((c) => [c.name, c.isPrimary, c.channels[0]?.value])).toEqual([['stranger', false, 'stranger@gmail.com']]);
    expect((await app.call('mail.listMessages', { customerId: hamburgId })).rows.map((m) => m.subject)).toEqual(['Filed by domain', 'Catalogue again', 'Catalogue please']);
    expect(await leadKeys()).not.toContain('stranger@gmail.com');

    const taken = await app.fail('leads.attach', { key: 'importer.co.uk', customerId: hamburgId, mode: 'website' });
    expect(taken).toMatchObject({ code: 'conflict', message: 'errors.leadWebsiteTaken', params: { website: 'https://www.hamburg-trade.de' } });
    const notDomain = await app.fail('leads.attach', { key: 'news@promo-mail.com', customerId: hamburgId, mode: 'website' });
    expect(notDomain.message).toBe('errors.leadNotDomain');

    const importer = await app.call('customers.create', { name: 'Importer UK', regionCode: 'EU' });
    const withSite = await app.call('leads.attach', { key: 'importer.co.uk', customerId: importer.id, mode: 'website' });
    expect(withSite.website).toBe('importer.co.uk');
    expect(withSite.domains).toEqual(['importer.co.uk']);
    expect(withSite.contacts).toEqual([]);
    expect((await app.call('mail.listMessages', { customerId: importer.id })).rows.map((m) => m.subject)).toEqual(['Our offer']);
    expect(await leadKeys()).toEqual(['promo-mail.com']);
  });

  it('dismisses a domain for good (and can undo it)', async () => {
    await app.call('leads.dismiss', { key: 'Promo-Mail.com' });
    expect(await leadKeys()).toEqual([]);
    await app.call('leads.restore', { key: 'promo-mail.com' });
    expect(await leadKeys()).toEqual(['promo-mail.com']);
    // One address of a domain can be dismissed too.
    await app.call('leads.dismiss', { key: 'news@promo-mail.com' });
    expect(await leadKeys()).toEqual([]);
    expect((await app.fail('leads.dismiss', { key: 'not a key' })).code).toBe('validation');

    // Persisted: a restart still hides it.
    await app.close();
    app = await createTempCore({ dataDir: app.dataDir });
    expect(await leadKeys()).toEqual([]);
    expect((await app.call('leads.list', {})).total).toBe(0);
  });
});
