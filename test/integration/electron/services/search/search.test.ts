import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult, TextParts } from '../../../../../shared/contract/search.contract.ts';
import { startDovecot, type Dovecot } from '../../../../helpers/mail-servers.ts';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { accountSync, appendAll, rfc822, withAttachment } from '../../../../helpers/mail-test-kit.ts';

const ME = 'sales@mytrade.cn';
const oct = (day: number) => new Date(Date.UTC(2026, 9, day, 9, 0, 0));

let dovecot: Dovecot;
let app: TempCore;
const ids: Record<string, string> = {};

/** The marked words of highlighted text. */
const hits = (parts: TextParts) => parts.filter((p) => p.hit).map((p) => p.text);
const joined = (parts: TextParts) => parts.map((p) => p.text).join('');
const subjects = (r: SearchResult) => r.messages.rows.map((m) => joined(m.subject));

beforeAll(async () => {
  [dovecot, app] = await Promise.all([startDovecot({ users: [{ user: ME, password: 'secret' }] }), createTempCore()]);
  const minghua = await app.call('customers.create', { name: 'Shenzhen Minghua Lighting', localName: '深圳明华照明', regionCode: 'AS', website: 'minghua.cn' });
  ids.minghua = minghua.id;
  ids.wang = (await app.call('contacts.create', { customerId: minghua.id, name: '王芳', title: '采购经理', channels: [{ kind: 'email', value: 'wang.fang@minghua.cn' }, { kind: 'phone', value: '+86 138-1234-5678' }] })).id;
  ids.hamburg = (await app.call('customers.create', { name: 'Hamburg Trade GmbH', regionCode: 'EU', website: 'hamburg-trade.de' })).id;
  ids.anna = (await app.call('contacts.create', { customerId: ids.hamburg, name: 'Anna Schulz', channels: [{ kind: 'email', value: 'anna@hamburg-trade.de' }] })).id;

  const deliver = (raw: Buffer) => dovecot.deliver(raw, ME);
  await deliver(rfc822({ from: '王芳 <wang.fang@minghua.cn>', to: ME, subject: '关于LED灯具的报价', body: '您好，请确认样品的颜色和包装。价格表更新后再发给您。', date: oct(1), messageId: 'quote@minghua.cn' }));
  await deliver(rfc822({ from: 'Anna Schulz <anna@hamburg-trade.de>', to: ME, subject: 'Quotation request for spring samples', body: 'We would like to order 200 pcs of the LED panel.\nPlease send the price list.', date: oct(2), messageId: 'q@hamburg-trade.de' }));
  await deliver(withAttachment({ from: 'Anna Schulz <anna@hamburg-trade.de>', to: ME, subject: 'Documents', body: 'See the attached sheet.', filename: '样品清单.pdf', content: Buffer.from('%PDF-1.4'), date: oct(3), messageId: 'docs@hamburg-trade.de' }));
  await deliver(withAttachment({ from: 'buyer@fresh-buyer.com', to: ME, subject: 'Spring order', body: 'Attached our needs.', filename: '报价单-2026.xlsx', content: Buffer.from('xlsx'), date: oct(4), messageId: 'order@fresh-buyer.com' }));
  await deliver(rfc822({ from: 'news@promo-mail.com', to: ME, subject: '每周报表', body: 'Weekly report: nothing about prices. 报表 only.', date: oct(5), messageId: 'weekly@promo-mail.com' }));
  // Its only body is HTML, beside an attachment: no text part to index.
  await deliver(
    Buffer.from(
      [
        'From: Ops <ops@lumen-freight.com>',
        `To: ${ME}`,
        'Subject: Shipping schedule',
        `Date: ${oct(7).toUTCString().replace('GMT', '+0000')}`,
        'Message-ID: <ship@lumen-freight.com>',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="S"',
        '',
        '--S',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<html><head><style>p { margin: 0 }</style></head><body><p>Your <b>container</b> leaves Ningbo on Monday; 宁波港 confirmed.</p></body></html>',
        '--S',
        'Content-Type: application/pdf; name="bl.pdf"',
        'Content-Disposition: attachment; filename="bl.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0=',
        '--S--',
        '',
      ].join('\r\n'),
      'utf8',
    ),
  );
  await appendAll(dovecot, ME, 'Sent', [
    { raw: rfc822({ from: `Sales <${ME}>`, to: 'wang.fang@minghua.cn', subject: 'Re: 关于LED灯具的报价', body: '样品明天寄出。', date: oct(6), messageId: 'reply@mytrade.cn', inReplyTo: 'quote@minghua.cn' }), date: oct(6), flags: ['\\Seen'] },
  ]);
  await (await accountSync(app, dovecot, ME))();
});
afterAll(async () => {
  await Promise.all([dovecot?.stop(), app?.close()]);
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('search.all: one box over customers, contacts and mail', () => {
  it('finds a Chinese two-character word in subjects, bodies and attachment names, and nothing that only shares a character', async () => {
    const quote = await app.call('search.all', { query: '报价' });
    expect(subjects(quote).sort()).toEqual(['Re: 关于LED灯具的报价', 'Spring order', '关于LED灯具的报价'].sort());
    expect(quote.messages.total).toBe(3);
    // 每周报表 shares 报 but not the word.
    expect(subjects(quote)).not.toContain('每周报表');
    const order = quote.messages.rows.find((m) => joined(m.subject) === 'Spring order')!;
    expect(order.attachments.map(hits)).toEqual([['报价']]);
    expect(hits(quote.messages.rows.find((m) => joined(m.subject) === '关于LED灯具的报价')!.subject)).toEqual(['报价']);
    // Newest first.
    expect(quote.messages.rows.map((m) => m.dateAt)).toEqual([...quote.messages.rows.map((m) => m.dateAt)].sort((a, b) => b - a));

    const sample = await app.call('search.all', { query: '样品' });
    expect(subjects(sample).sort()).toEqual(['Documents', 'Re: 关于LED灯具的报价', '关于LED灯具的报价'].sort());
    const inBody = sample.messages.rows.find((m) => joined(m.subject) === '关于LED灯具的报价')!;
    expect(hits(inBody.snippet)).toEqual(['样品']);
    expect(joined(inBody.snippet)).toContain('请确认样品的颜色');
    expect(sample.messages.rows.find((m) => joined(m.subject) === 'Documents')!.attachments.map(joined)).toEqual(['样品清单.pdf']);
  });

  it('matches longer Chinese phrases as a run, not as scattered characters', async () => {
    expect(subjects(await app.call('search.all', { query: '价格表更新' }))).toEqual(['关于LED灯具的报价']);
    expect(subjects(await app.call('search.all', { query: 'LED灯具' })).sort()).toEqual(['Re: 关于LED灯具的报价', '关于LED灯具的报价']);
    expect((await app.call('search.all', { query: '更新价格' })).messages.total).toBe(0);
  });

  it('matches English by word prefix, and addresses', async () => {
    const quot = await app.call('search.all', { query: 'quot' });
    expect(subjects(quot)).toEqual(['Quotation request for spring samples']);
    expect(hits(quot.messages.rows[0]!.subject)).toEqual(['Quot']);
    // A prefix of a word, not a piece from its middle.
    expect((await app.call('search.all', { query: 'otation' })).messages.total).toBe(0);
    const both = await app.call('search.all', { query: 'spring sam' });
    expect(subjects(both)).toEqual(['Quotation request for spring samples']);
    const price = await app.call('search.all', { query: 'price list' });
    expect(hits(price.messages.rows[0]!.snippet)).toEqual(['price', 'list']);

    const byAddress = await app.call('search.all', { query: 'hamburg-trade.de' });
    expect(subjects(byAddress).sort()).toEqual(['Documents', 'Quotation request for spring samples']);
    expect(byAddress.messages.rows.every((m) => m.customers.map((c) => c.id).includes(ids.hamburg!))).toBe(true);
    expect(byAddress.customers.rows.map((c) => c.name)).toEqual(['Hamburg Trade GmbH']);
    expect(subjects(await app.call('search.all', { query: 'fresh-buyer' }))).toEqual(['Spring order']);
  });

  it('finds a mail whose only body is HTML by the words of that HTML', async () => {
    const found = await app.call('search.all', { query: 'container Ningbo' });
    expect(subjects(found)).toEqual(['Shipping schedule']);
    expect(hits(found.messages.rows[0]!.snippet)).toEqual(['container', 'Ningbo']);
    expect(joined(found.messages.rows[0]!.snippet)).not.toContain('<b>');
    expect(subjects(await app.call('search.all', { query: '宁波港' }))).toEqual(['Shipping schedule']);
    // The style sheet is not text.
    expect((await app.call('search.all', { query: 'margin' })).messages.total).toBe(0);
  });

  it('finds customers and their contacts by Chinese and Latin names, emails and phone digits', async () => {
    const minghua = await app.call('search.all', { query: '明华' });
    expect(minghua.customers.rows.map((c) => c.id)).toEqual([ids.minghua]);
    // The customer matched by its local name; no contact's own fields say 明华.
    expect(minghua.contacts.rows).toEqual([]);

    const wang = await app.call('search.all', { query: '王芳' });
    expect(wang.contacts.rows.map((c) => [c.name, c.customerName, c.title])).toEqual([['王芳', 'Shenzhen Minghua Lighting', '采购经理']]);
    expect(wang.contacts.rows[0]!.channels).toEqual(['wang.fang@minghua.cn', '+86 138-1234-5678']);
    expect(wang.customers.rows.map((c) => c.id)).toEqual([ids.minghua]);

    const byEmail = await app.call('search.all', { query: 'wang.fang' });
    expect(byEmail.contacts.rows.map((c) => c.id)).toEqual([ids.wang]);
    expect(subjects(byEmail).sort()).toEqual(['Re: 关于LED灯具的报价', '关于LED灯具的报价']);
    expect((await app.call('search.all', { query: '13812345678' })).contacts.rows.map((c) => c.id)).toEqual([ids.wang]);
    expect((await app.call('search.all', { query: 'anna' })).contacts.rows.map((c) => c.id)).toEqual([ids.anna]);
  });

  it('answers an empty or punctuation-only query with nothing, and limits each group', async () => {
    expect(await app.call('search.all', { query: '  ' })).toEqual({
      customers: { total: 0, rows: [] },
      contacts: { rows: [], more: false },
      messages: { total: 0, rows: [] },
      activities: { rows: [], more: false },
      quotes: { rows: [], more: false },
      samples: { rows: [], more: false },
    });
    expect((await app.call('search.all', { query: '"*(' })).messages.total).toBe(0);
    const limited = await app.call('search.all', { query: '报价', limit: 1 });
    expect(limited.messages.total).toBe(3);
    expect(limited.messages.rows).toHaveLength(1);
    const bad = await app.fail('search.all', { query: 'x'.repeat(201) });
    expect(bad.code).toBe('validation');
  });
});
