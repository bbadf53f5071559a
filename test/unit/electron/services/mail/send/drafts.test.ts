import { describe, expect, it } from 'vitest';
import {
  bodyInner,
  forwardDraft,
  forwardSubject,
  htmlToText,
  newDraft,
  quoteText,
  replyDraft,
  replyRecipients,
  replyReferences,
  replySubject,
  withSignature,
  type ComposeAccount,
  type ComposeOptions,
  type SourceMessage,
} from '../../../../../../electron/services/mail/send/drafts.ts';
import { catalogs } from '../../../../../../shared/i18n/catalogs.ts';

const account: ComposeAccount = {
  email: 'li@tradefolio.cn',
  aliases: ['sales@tradefolio.cn'],
  name: 'Work',
  displayName: 'Li Wei',
  signatureText: 'Li Wei\nTradeFolio Ltd.',
  signatureHtml: null,
};

const source: SourceMessage = {
  messageId: 'inq-2@hamburg-trade.de',
  references: ['inq-1@hamburg-trade.de'],
  subject: 'Inquiry 500 pcs',
  from: { name: 'Anna Schmidt', address: 'anna@hamburg-trade.de' },
  replyTo: [],
  to: [
    { name: 'Li Wei', address: 'LI@tradefolio.cn' },
    { name: 'Bob', address: 'bob@hamburg-trade.de' },
  ],
  cc: [
    { name: null, address: 'sales@tradefolio.cn' },
    { name: 'Carl', address: 'carl@hamburg-trade.de' },
    { name: 'Bob again', address: 'BOB@hamburg-trade.de' },
  ],
  dateAt: Date.UTC(2026, 4, 29, 8, 30),
  direction: 'inbound',
  text: 'Please quote 500 pcs.\n> earlier line\n\nThanks',
  html: null,
  attachments: [
    { id: 'att-1', filename: 'drawing.pdf', contentType: 'application/pdf', size: 10, inline: false, contentId: null },
    { id: 'att-2', filename: 'logo.png', contentType: 'image/png', size: 5, inline: true, contentId: 'logo@x' },
  ],
};

const options: ComposeOptions = { labels: catalogs.en.mail.compose, locale: 'en-GB', timeZone: 'UTC' };

describe('reply recipients', () => {
  it('replies to the sender, or to Reply-To when given', () => {
    expect(replyRecipients('reply', source, account)).toEqual({ to: [{ name: 'Anna Schmidt', address: 'anna@hamburg-trade.de' }], cc: [] });
    const withReplyTo = { ...source, replyTo: [{ name: 'Orders', address: 'orders@hamburg-trade.de' }] };
    expect(replyRecipients('reply', withReplyTo, account).to.map((a) => a.address)).toEqual(['orders@hamburg-trade.de']);
  });

  it('replies to all without our own addresses (aliases too, any case) and without repeats', () => {
    const r = replyRecipients('replyAll', source, account);
    expect(r.to.map((a) => a.address)).toEqual(['anna@hamburg-trade.de', 'bob@hamburg-trade.de']);
    expect(r.cc.map((a) => a.address)).toEqual(['carl@hamburg-trade.de']);
  });

  it('answering our own sent mail goes to its recipients again', () => {
    const sent: SourceMessage = { ...source, direction: 'outbound', from: { name: 'Li Wei', address: 'li@tradefolio.cn' } };
    expect(replyRecipients('reply', sent, account).to.map((a) => a.address)).toEqual(['bob@hamburg-trade.de']);
    expect(replyRecipients('replyAll', sent, account)).toMatchObject({ to: [{ address: 'bob@hamburg-trade.de' }], cc: [{ address: 'carl@hamburg-trade.de' }] });
  });
});

describe('subjects and threading', () => {
  it('adds Re: and Fwd: once, recognising Chinese prefixes', () => {
    expect(replySubject('Inquiry')).toBe('Re: Inquiry');
    expect(replySubject('RE: Inquiry')).toBe('RE: Inquiry');
    expect(replySubject('回复：询价')).toBe('回复：询价');
    expect(replySubject('Fwd: Inquiry')).toBe('Re: Fwd: Inquiry');
    expect(replySubject(null)).toBe('Re:');
    expect(forwardSubject('Re: Inquiry')).toBe('Fwd: Re: Inquiry');
    expect(forwardSubject('转发: 询价')).toBe('转发: 询价');
  });

  it('references the thread, bounded to its root and the newest ids', () => {
    expect(replyReferences(source)).toEqual(['inq-1@hamburg-trade.de', 'inq-2@hamburg-trade.de']);
    const long = { messageId: 'm30', references: Array.from({ length: 30 }, (_, i) => `m${i}`) };
    const refs = replyReferences(long);
    expect(refs).toHaveLength(20);
    expect(refs[0]).toBe('m0');
    expect(refs.at(-1)).toBe('m30');
  });
});

describe('drafts', () => {
  it('quotes the original under the signature with an attribution line', () => {
    const d = replyDraft('reply', source, account, options);
    expect(d.subject).toBe('Re: Inquiry 500 pcs');
    expect(d.inReplyTo).toBe('inq-2@hamburg-trade.de');
    expect(d.text).toBe(
      '\n\n-- \nLi Wei\nTradeFolio Ltd.\n\nOn Fri, 29 May 2026, 08:30, Anna Schmidt <anna@hamburg-trade.de> wrote:\n> Please quote 500 pcs.\n>> earlier line\n>\n> Thanks\n',
    );
    expect(d.html).toBeNull();
    expect(d.from).toEqual({ name: 'Li Wei', address: 'li@tradefolio.cn' });
    expect(d.attachmentIds).toEqual([]);
  });

  it('writes the attribution in Chinese when asked', () => {
    const d = replyDraft('reply', source, account, { labels: catalogs['zh-CN'].mail.compose, locale: 'zh-CN', timeZone: 'Asia/Shanghai' });
    expect(d.text).toContain('Anna Schmidt <anna@hamburg-trade.de> 于 2026年5月29日');
    expect(d.text).toContain('16:30 写道：');
  });

  it('quotes HTML in a blockquote, keeps the inline images it shows, and escapes the attribution', () => {
    const html = '<html><head><style>p{}</style></head><body><p>Hi</p><img src="cid:logo@x"></body></html>';
    const from = { name: 'A <b>', address: 'anna@hamburg-trade.de' };
    const d = replyDraft('replyAll', { ...source, html, from }, account, options);
    expect(d.html).toContain('<blockquote type="cite"');
    expect(d.html).toContain('<p>Hi</p><img src="cid:logo@x">');
    expect(d.html).not.toContain('<style>');
    expect(d.html).toContain('A &lt;b&gt; &lt;anna@hamburg-trade.de&gt; wrote:');
    expect(d.html).toContain('<div class="tf-signature">-- <br>Li Wei<br>\nTradeFolio Ltd.</div>');
    expect(d.attachmentIds).toEqual(['att-2']);
  });

  it('quotes at most 100,000 characters of a huge original, and a huge HTML one as text', () => {
    const line = 'x'.repeat(1_000_000);
    const d = replyDraft('reply', { ...source, text: line }, account, options);
    expect(d.text.length).toBeLessThan(101_000);
    expect(d.text).toContain('only its first 100,000 characters are.]');
    const html = replyDraft('reply', { ...source, text: null, html: `<p>${'y'.repeat(400_000)}</p>` }, account, options);
    expect(html.html!.length).toBeLessThan(110_000);
    expect(html.html).not.toContain('<p>yyy');
    // An ordinary original is quoted whole, as before.
    expect(replyDraft('reply', source, account, options).text).not.toContain('not quoted here');
  });

  it('forwards with the original headers, body and all attachments, to nobody', () => {
    const d = forwardDraft(source, account, options);
    expect(d).toMatchObject({ kind: 'forward', to: [], cc: [], subject: 'Fwd: Inquiry 500 pcs', inReplyTo: null, attachmentIds: ['att-1', 'att-2'] });
    expect(d.references).toEqual(['inq-1@hamburg-trade.de', 'inq-2@hamburg-trade.de']);
    expect(d.text).toContain('---------- Forwarded message ----------\nFrom: Anna Schmidt <anna@hamburg-trade.de>\nDate: Fri, 29 May 2026, 08:30\nSubject: Inquiry 500 pcs\nTo: Li Wei <LI@tradefolio.cn>, Bob <bob@hamburg-trade.de>\nCc: ');
    expect(d.text).toContain('\n\nPlease quote 500 pcs.\n> earlier line\n\nThanks\n');
  });

  it('starts a new mail with the signature, to a contact when given', () => {
    expect(newDraft(account, { name: 'Anna', address: 'anna@hamburg-trade.de' })).toMatchObject({
      kind: 'new',
      to: [{ name: 'Anna', address: 'anna@hamburg-trade.de' }],
      text: '\n\n-- \nLi Wei\nTradeFolio Ltd.\n',
      html: null,
    });
    expect(newDraft({ ...account, signatureText: null, signatureHtml: '<b>Li</b>' }, null)).toMatchObject({ to: [], text: '\n\n-- \nLi\n' });
    expect(newDraft({ ...account, signatureText: null }, null).text).toBe('');
  });

  it('appends a signature to a rendered template', () => {
    expect(withSignature({ text: 'Dear Anna,\n\n', html: '<p>Dear Anna</p>' }, account)).toEqual({
      text: 'Dear Anna,\n\n-- \nLi Wei\nTradeFolio Ltd.\n',
      html: '<p>Dear Anna</p><div><br></div><div class="tf-signature">-- <br>Li Wei<br>\nTradeFolio Ltd.</div>',
    });
    expect(withSignature({ text: 'x', html: null }, { signatureText: null, signatureHtml: null })).toEqual({ text: 'x', html: null });
  });
});

describe('text helpers', () => {
  it('quotes lines, turns HTML into readable text, and finds the body of a document', () => {
    expect(quoteText('a\r\n\r\n> b\n\n')).toBe('> a\n>\n>> b');
    expect(htmlToText('<style>x</style><p>Hello&nbsp;<b>you</b> &amp; &#20320;&#x597D;</p><div>Line<br>two</div>')).toBe('Hello you & 你好\nLine\ntwo');
    expect(bodyInner('<html><body class="x"><p>In</p></body></html>')).toBe('<p>In</p>');
    expect(bodyInner('<head><title>t</title></head><p>In</p>')).toBe('<p>In</p>');
  });
});
