import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { accountSync, asMailDb, rfc822 } from '../../../../helpers/mail-test-kit.ts';

/** Issue 11, point 13: newsletters and notifications are not leads, and their previews carry no tracking URLs. */

const ME = 'sales@mytrade.cn';
const nov = (day: number) => new Date(Date.UTC(2026, 10, day, 9, 0, 0));
const date = (day: number) => nov(day).toUTCString().replace('GMT', '+0000');

const NEWSLETTER_HTML =
  '<html><body><img src="http://tracker.example/pixel.gif" width="1" height="1">' +
  '<p>Spring deals on <a href="https://click.shop-news.com/c?u=8f3a9e&amp;e=sales%40mytrade.cn">LED panels</a> are here.</p>' +
  '<p><a href="https://click.shop-news.com/c?u=77b1c0&amp;e=sales%40mytrade.cn"><img src="https://cdn.shop-news.com/banner.png" alt=""></a></p>' +
  '<p>Unsubscribe <a href="https://shop-news.com/unsubscribe?id=123">here</a>.</p></body></html>';

/** A newsletter as HTML only, the way many mass-mail tools send it. */
function htmlNewsletter(): Buffer {
  return Buffer.from(
    [
      'From: Shop News <deals@shop-news.com>',
      `To: ${ME}`,
      'Subject: Spring deals',
      `Date: ${date(2)}`,
      'Message-ID: <news1@shop-news.com>',
      'List-Unsubscribe: <https://shop-news.com/unsubscribe?id=123>, <mailto:unsubscribe@shop-news.com>',
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      NEWSLETTER_HTML,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

/** An HTML mail with a plain-text part written by the sending tool, URLs after every link. */
function alternativeMail(): Buffer {
  const b = 'alt-boundary-1';
  return Buffer.from(
    [
      'From: Trade Show Team <team@fair-organiser.com>',
      `To: ${ME}`,
      'Subject: Your visitor badge',
      `Date: ${date(3)}`,
      'Message-ID: <badge1@fair-organiser.com>',
      'MIME-Version: 1.0',
      `Content-Type: multipart/alternative; boundary="${b}"`,
      '',
      `--${b}`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      '[http://tracker.example/pixel.gif]',
      'Your badge for hall 11 [https://t.fair-organiser.com/r/?id=abcdef0123456789abcdef] is ready.',
      'https://t.fair-organiser.com/open/0123456789abcdef0123456789abcdef0123456789',
      `--${b}`,
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p><img src="http://tracker.example/pixel.gif">Your badge for <a href="https://t.fair-organiser.com/r/?id=abcdef0123456789abcdef">hall 11</a> is ready.</p>',
      `--${b}--`,
      '',
    ].join('\r\n'),
    'utf8',
  );
}

let dovecot: Dovecot;
let app: TempCore;

beforeAll(async () => {
  [dovecot, app] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), createTempCore()]);
  let n = 0;
  const inbound = (from: string, subject: string, day: number, headers: string[] = []) =>
    dovecot.deliver(rfc822({ from, to: ME, subject, date: nov(day), messageId: `m${++n}@test`, headers }), ME);

  // An ordinary first mail from a company we do not know: a lead.
  await inbound('Bob Buyer <buyer@new-buyer.com>', 'Inquiry about LED panels', 1);
  // A newsletter, a post to a mailing list, list and bulk mail by Precedence, a notification
  // from a no-reply address and one marked Auto-Submitted, all from domains we do not know.
  await dovecot.deliver(htmlNewsletter(), ME);
  await inbound('Anna Member <anna@member-firm.com>', 'Re: [trade-talk] Freight rates', 4, ['List-Id: Trade talk <trade-talk.lists.example.org>', 'List-Post: <mailto:trade-talk@lists.example.org>']);
  await inbound('Forum <talk@forum-host.org>', 'Weekly digest', 5, ['Precedence: list']);
  await inbound('Promo <promo@bulk-sender.com>', 'Mega sale', 6, ['Precedence: bulk']);
  await inbound('Parcel Tracker <no-reply@parcel-tracker.com>', 'Your parcel has shipped', 7);
  await inbound('ERP <system@erp-vendor.com>', 'Invoice 2026-118 is ready', 8, ['Auto-Submitted: auto-generated']);
  await dovecot.deliver(alternativeMail(), ME);

  await (await accountSync(app, dovecot, ME))();
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), app?.close()]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('the list preview of HTML mail', () => {
  it('shows the words, not the tracking pixel or link URLs', async () => {
    const rows = (await app.call('mail.listMessages', { unfiledOnly: true })).rows;
    const newsletter = rows.find((r) => r.subject === 'Spring deals')!;
    expect(newsletter.snippet).toBe('Spring deals on LED panels are here. Unsubscribe here.');
    const badge = rows.find((r) => r.subject === 'Your visitor badge')!;
    expect(badge.snippet).toBe('Your badge for hall 11 is ready.');
    for (const r of rows) {
      expect(r.snippet ?? '', r.subject ?? '').not.toMatch(/\[\s*https?:|https?:\/\/\S{30,}/);
    }
  });
});

describe('newsletters and notifications are not leads', () => {
  it('proposes the unknown company that wrote, not lists, newsletters, bulk mail or machine senders', async () => {
    const list = await app.call('leads.list', { sinceDays: null });
    // The badge mail is an ordinary mail from a fair organiser: nothing in it says it is automated.
    expect(list.rows.map((l) => l.key)).toEqual(['fair-organiser.com', 'new-buyer.com']);
    expect(list.total).toBe(2);

    // The mail is all stored and readable; only New leads leaves it out.
    const all = await app.call('mail.listMessages', { unfiledOnly: true });
    expect(all.total).toBe(8);
    const automated = await asMailDb(app.core.database())
      .selectFrom('mail_messages')
      .select(['from_address', 'automated'])
      .orderBy('date_at')
      .execute();
    expect(automated).toEqual([
      { from_address: 'buyer@new-buyer.com', automated: null },
      { from_address: 'deals@shop-news.com', automated: 'list' },
      { from_address: 'team@fair-organiser.com', automated: null },
      { from_address: 'anna@member-firm.com', automated: 'list' },
      { from_address: 'talk@forum-host.org', automated: 'list' },
      { from_address: 'promo@bulk-sender.com', automated: 'bulk' },
      { from_address: 'no-reply@parcel-tracker.com', automated: 'noReply' },
      { from_address: 'system@erp-vendor.com', automated: 'autoGenerated' },
    ]);
  });

  it('"create customer" is refused for a newsletter domain: it is no lead', async () => {
    const refused = await app.fail('leads.createCustomer', { key: 'shop-news.com', customer: { name: 'Shop News', regionCode: 'EU' } });
    expect(refused).toMatchObject({ code: 'notFound', message: 'errors.leadNotFound' });
  });
});
