import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeOutlookMail, type OutlookMail } from '../../../../../../electron/services/imports/mail-sources/outlook-compose.ts';

function mail(overrides: Partial<OutlookMail> = {}): OutlookMail {
  return {
    messageId: '<quote-2024-117@acme-trading.cn>',
    inReplyTo: null,
    subject: '报价单：不锈钢餐具 2024 年第三季度',
    date: new Date('2024-07-01T08:30:00Z'),
    from: { name: '王小明', address: 'wang@acme-trading.cn' },
    to: [{ name: 'Hans Müller', address: 'hans@example.de' }],
    cc: [{ name: '李娜', address: 'lina@acme-trading.cn' }],
    bcc: [{ name: '', address: 'archive@acme-trading.cn' }],
    text: '您好 Hans，\n附件是最新报价，含运费（FOB 宁波）。\n王小明',
    html: '<p>您好 Hans，</p><p>附件是最新报价，含运费（FOB 宁波）。</p>',
    attachments: [{ filename: '报价单.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: Buffer.from('PK\u0003\u0004 fake sheet bytes'), contentId: null }],
    attachedMessages: [],
    transportHeaders: null,
    ...overrides,
  };
}

describe('composeOutlookMail', () => {
  it('writes Chinese subject, names, bodies and attachment names that a MIME parser reads back unchanged', async () => {
    const parsed = await simpleParser(await composeOutlookMail(mail()));
    expect(parsed.subject).toBe('报价单：不锈钢餐具 2024 年第三季度');
    expect(parsed.messageId).toBe('<quote-2024-117@acme-trading.cn>');
    expect(parsed.date?.toISOString()).toBe('2024-07-01T08:30:00.000Z');
    expect(parsed.from?.value).toEqual([{ name: '王小明', address: 'wang@acme-trading.cn' }]);
    const cc = Array.isArray(parsed.cc) ? parsed.cc[0] : parsed.cc;
    expect(cc?.value).toEqual([{ name: '李娜', address: 'lina@acme-trading.cn' }]);
    expect(parsed.bcc && !Array.isArray(parsed.bcc) ? parsed.bcc.text : '').toBe('archive@acme-trading.cn');
    expect(parsed.text?.trim()).toBe('您好 Hans，\n附件是最新报价，含运费（FOB 宁波）。\n王小明');
    expect(parsed.html).toContain('附件是最新报价');
    expect(parsed.attachments.map((a) => [a.filename, a.content.toString('latin1')])).toEqual([['报价单.xlsx', 'PK\u0003\u0004 fake sheet bytes']]);
  });

  it('gives the same bytes for the same item every time, and a stable Message-ID when the item has none', async () => {
    const a = await composeOutlookMail(mail({ messageId: null }));
    const b = await composeOutlookMail(mail({ messageId: null }));
    expect(a.equals(b)).toBe(true);
    const other = await composeOutlookMail(mail({ messageId: null, subject: 'another' }));
    const id = (raw: Buffer) => /^Message-ID:\s*(<[^>]+>)/m.exec(raw.toString('latin1'))?.[1];
    expect(id(a)).toMatch(/^<[0-9a-f]{32}@outlook-import\.tradefolio\.invalid>$/);
    expect(id(other)).not.toBe(id(a));
  });

  it('takes SMTP addresses and the Message-ID from the internet headers when the item holds Exchange paths', async () => {
    const raw = await composeOutlookMail(
      mail({
        messageId: null,
        from: { name: 'Zhang Wei', address: '/O=ACME/OU=EXCHANGE/CN=RECIPIENTS/CN=ZHANGWEI' },
        to: [{ name: 'Buyer', address: '/O=ACME/CN=BUYER' }],
        transportHeaders: 'Message-ID: <orig-1@mail.acme.cn>\r\nFrom: "Zhang Wei" <zhang@acme.cn>\r\nTo: buyer@example.com\r\nReferences: <a@x> <b@x>\r\n\r\n',
      }),
    );
    const parsed = await simpleParser(raw);
    expect(parsed.messageId).toBe('<orig-1@mail.acme.cn>');
    expect(parsed.from?.value[0]?.address).toBe('zhang@acme.cn');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : '').toBe('buyer@example.com');
    expect(parsed.references).toEqual(['<a@x>', '<b@x>']);
  });

  it('attaches forwarded Outlook items as message/rfc822', async () => {
    const inner = await composeOutlookMail(mail({ subject: '原始询价', attachments: [] }));
    const outer = (await composeOutlookMail(mail({ attachments: [], attachedMessages: [{ filename: '原始询价.eml', raw: inner }] }))).toString('latin1');
    const part = /Content-Type: message\/rfc822[^]*?\r\n\r\n([^]*?)\r\n--/.exec(outer);
    expect(part).not.toBeNull();
    // The forwarded item is carried whole: parsed on its own, it is the original.
    expect((await simpleParser(Buffer.from(part![1]!, 'latin1'))).subject).toBe('原始询价');
  });
});
