import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { accountSync, appendAll, rfc822 } from '../../../../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.cn';
// November 2026: the 20th is a Friday, the 23rd a Monday.
const nov = (day: number, hour = 10) => Date.UTC(2026, 10, day, hour);

let dovecot: Dovecot;
let app: TempCore;
let sync: () => Promise<unknown>;
const ids: Record<string, string> = {};

async function customerWith(name: string, email: string, ownerId?: string): Promise<string> {
  const c = await app.call('customers.create', { name, regionCode: 'EU', ownerId: ownerId ?? null });
  await app.call('contacts.create', { customerId: c.id, name, channels: [{ kind: 'email', value: email }] });
  return c.id;
}

const inbound = (from: string, subject: string, at: number, messageId: string) =>
  dovecot.deliver(rfc822({ from, to: ME, subject, date: new Date(at), messageId }), ME);
const sent = (to: string, subject: string, at: number, messageId: string, inReplyTo?: string) =>
  appendAll(dovecot, ME, 'Sent', [{ raw: rfc822({ from: ME, to, subject, date: new Date(at), messageId, ...(inReplyTo ? { inReplyTo } : {}) }), date: new Date(at), flags: ['\\Seen'] }]);

beforeAll(async () => {
  [dovecot, app] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), createTempCore({ now: nov(23, 12) })]);
  const alice = await app.call('owners.create', { name: 'Alice' });
  ids.alice = alice.id;
  ids.friday = await customerWith('Friday Buyer', 'buyer@friday.de', alice.id);
  ids.thread = await customerWith('Thread Reply Co', 'li@thread.cn');
  ids.other = await customerWith('Other Thread Co', 'kim@other.kr');
  ids.cc = await customerWith('Reply Elsewhere Co', 'd@dcorp.com');
  ids.old = await customerWith('Long Ago Co', 'e@old.fr');

  await inbound('buyer@friday.de', 'Need your price', nov(20), 'fri@friday.de');
  await inbound('li@thread.cn', '报价请求', nov(18), 'q@thread.cn');
  await sent('li@thread.cn', 'Re: 报价请求', nov(19), 'r1@mytrade.cn', 'q@thread.cn');
  await inbound('kim@other.kr', 'Question A', nov(19), 'a@other.kr');
  await sent('kim@other.kr', 'Something else', nov(20), 'r2@mytrade.cn');
  await inbound('d@dcorp.com', 'Forward to your agent', nov(16), 'f@dcorp.com');
  // Our reply in the thread went to someone else; it still answers the mail.
  await sent('agent@forwarders.com', 'Re: Forward to your agent', nov(17), 'r3@mytrade.cn', 'f@dcorp.com');
  await inbound('e@old.fr', 'Ancient question', Date.UTC(2026, 7, 3, 10), 'old@old.fr');

  sync = await accountSync(app, dovecot, ME);
  await sync();
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), app?.close()]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('reminders: waiting for our reply', () => {
  it('counts working days: a Friday mail is not overdue on Monday with 2 days, it is on Tuesday', async () => {
    expect((await app.call('settings.get', {})).replyWaitDays).toBe(2);
    expect(await app.call('reminders.waitingForReply', {})).toEqual({ total: 0, days: 2, rows: [] });
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(0);

    app.clock.set(nov(24, 9));
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(0);
    app.clock.set(nov(24, 11));
    const list = await app.call('reminders.waitingForReply', {});
    expect(list.rows.map((r) => [r.name, r.workingDays, r.messages, r.latest.subject])).toEqual([['Friday Buyer', 2, 1, 'Need your price']]);
    expect(list.rows[0]!.waitingSince).toBe(nov(20));
    expect(list.rows[0]!.latest.from?.address).toBe('buyer@friday.de');
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(1);
    // Owner filter.
    expect((await app.call('reminders.waitingForReply', { ownerId: ids.alice! })).total).toBe(1);
    const bob = await app.call('owners.create', { name: 'Bob' });
    expect((await app.call('reminders.waitingForReply', { ownerId: bob.id })).total).toBe(0);
  });

  it('follows the setting', async () => {
    await app.call('settings.update', { replyWaitDays: 5 });
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(0);
    expect((await app.call('reminders.waitingForReply', {})).days).toBe(5);
    app.clock.set(nov(27, 11));
    expect((await app.call('reminders.waitingForReply', {})).rows.map((r) => r.name)).toEqual(['Friday Buyer']);
    expect((await app.fail('settings.update', { replyWaitDays: 0 })).code).toBe('validation');
    await app.call('settings.update', { replyWaitDays: 2 });
  });

  it('skips the days off and counts the working weekends of the calendar in Settings', async () => {
    // Friday the 20th, 2 working days. Monday and Tuesday off: due on Thursday the 26th at 10:00.
    const saved = await app.call('settings.update', { workingCalendar: { daysOff: ['2026-11-24', '2026-11-23', '2026-11-24'], workingWeekends: [] } });
    expect(saved.workingCalendar).toEqual({ daysOff: ['2026-11-23', '2026-11-24'], workingWeekends: [] });
    app.clock.set(nov(26, 9));
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(0);
    app.clock.set(nov(26, 11));
    expect((await app.call('reminders.waitingForReply', {})).rows.map((r) => [r.name, r.workingDays])).toEqual([['Friday Buyer', 2]]);

    // Saturday the 21st worked instead: due on Monday the 23rd, a day sooner than Monday to Friday.
    await app.call('settings.update', { workingCalendar: { daysOff: [], workingWeekends: ['2026-11-21'] } });
    app.clock.set(nov(23, 9));
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(0);
    app.clock.set(nov(23, 11));
    expect((await app.call('reminders.waitingForReply', {})).rows.map((r) => [r.name, r.workingDays])).toEqual([['Friday Buyer', 2]]);

    // Not a date, or a weekday given as a working weekend: refused, naming the entry; nothing changes.
    const bad = await app.fail('settings.update', { workingCalendar: { daysOff: ['2026-02-30'], workingWeekends: ['2026-11-23'] } });
    expect(bad.fieldErrors).toEqual([
      { path: 'workingCalendar.daysOff.0', message: 'validation.invalidDate' },
      { path: 'workingCalendar.workingWeekends.0', message: 'validation.notWeekend' },
    ]);
    expect((await app.call('settings.get', {})).workingCalendar).toEqual({ daysOff: [], workingWeekends: ['2026-11-21'] });

    await app.call('settings.update', { workingCalendar: { daysOff: [], workingWeekends: [] } });
    app.clock.set(nov(27, 11));
  });

  it('disappears after our reply', async () => {
    await inbound('buyer@friday.de', 'Any news?', nov(25), 'fri2@friday.de');
    await sync();
    let list = await app.call('reminders.waitingForReply', {});
    expect(list.rows.map((r) => [r.name, r.messages, r.latest.subject])).toEqual([['Friday Buyer', 2, 'Any news?']]);
    await sent('buyer@friday.de', 'Re: Any news?', nov(27, 8), 'r4@mytrade.cn', 'fri2@friday.de');
    await sync();
    list = await app.call('reminders.waitingForReply', {});
    expect(list).toEqual({ total: 0, days: 2, rows: [] });
    expect((await app.call('reminders.counts', {})).waitingForReply).toBe(0);
  });
});
