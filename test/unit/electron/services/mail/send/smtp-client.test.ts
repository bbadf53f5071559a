import { describe, expect, it } from 'vitest';
import { buildMime, classifySmtpError, withoutBcc } from '../../../../../../electron/services/mail/send/smtp-client.ts';
import { parseMail } from '../../../../../../electron/services/mail/store/mail-parse.ts';

const message = {
  messageId: 'm1@tradefolio.cn',
  date: new Date(Date.UTC(2026, 5, 1, 9, 0)),
  from: { name: '李伟', address: 'li@tradefolio.cn' },
  to: [{ name: 'Schmidt, Anna', address: 'anna@hamburg-trade.de' }],
  cc: [],
  bcc: [{ name: null, address: 'boss@tradefolio.cn' }],
  subject: '报价 Offer',
  text: 'Dear Anna,\nplease find our offer.\n你好',
  html: null,
  inReplyTo: 'inq@hamburg-trade.de',
  references: ['root@hamburg-trade.de', 'inq@hamburg-trade.de'],
  attachments: [{ filename: '报价单.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 offer'), inline: false, contentId: null }],
};

describe('building the outgoing message', () => {
  it('keeps Bcc in the Sent copy only, with CRLF line ends and the threading headers', async () => {
    const raw = await buildMime(message);
    const text = raw.toString('latin1');
    expect(text).toMatch(/^Bcc: boss@tradefolio\.cn\r$/m);
    expect(text).toContain('Message-ID: <m1@tradefolio.cn>');
    expect(text).toContain('In-Reply-To: <inq@hamburg-trade.de>');
    expect(text).toContain('References: <root@hamburg-trade.de> <inq@hamburg-trade.de>');
    expect(/[^\r]\n/.test(text)).toBe(false);

    const wire = withoutBcc(raw);
    expect(wire.toString('latin1')).not.toMatch(/^bcc:/im);
    expect(wire.length).toBe(raw.length - 'Bcc: boss@tradefolio.cn\r\n'.length);

    const parsed = await parseMail(raw);
    expect(parsed).toMatchObject({ messageId: 'm1@tradefolio.cn', subject: '报价 Offer', inReplyTo: 'inq@hamburg-trade.de', references: ['root@hamburg-trade.de', 'inq@hamburg-trade.de'] });
    expect(parsed.from).toEqual({ name: '李伟', address: 'li@tradefolio.cn' });
    expect(parsed.addresses.filter((a) => a.role === 'bcc').map((a) => a.address)).toEqual(['boss@tradefolio.cn']);
    expect(parsed.text).toContain('你好');
    expect(parsed.attachments).toMatchObject([{ filename: '报价单.pdf', contentType: 'application/pdf' }]);
    expect(parsed.attachments[0]!.content.toString()).toBe('%PDF-1.4 offer');
  });

  it('drops a folded Bcc header whole and leaves a message without one untouched', () => {
    const raw = Buffer.from('From: a@x\r\nBcc: b@x,\r\n c@x\r\nSubject: s\r\n\r\nBcc: in the body stays\r\n');
    expect(withoutBcc(raw).toString()).toBe('From: a@x\r\nSubject: s\r\n\r\nBcc: in the body stays\r\n');
    const plain = Buffer.from('From: a@x\r\n\r\nbody');
    expect(withoutBcc(plain)).toBe(plain);
  });
});

describe('what a failure means', () => {
  const err = (props: Record<string, unknown>) => Object.assign(new Error(String(props.message ?? 'failed')), props);

  it('retries network trouble and 4xx, fails on 5xx, refused logins and TLS problems', () => {
    expect(classifySmtpError(err({ code: 'ESOCKET', originalCode: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }))).toMatchObject({ reason: 'offline', responseCode: null });
    expect(classifySmtpError(err({ code: 'ETIMEDOUT' })).reason).toBe('offline');
    expect(classifySmtpError(err({ code: 'EDNS' })).reason).toBe('offline');
    expect(classifySmtpError(err({ code: 'EENVELOPE', responseCode: 451, response: '451 4.7.1 Greylisted' }))).toMatchObject({ reason: 'temporary', detail: '451 4.7.1 Greylisted', responseCode: 451 });
    expect(classifySmtpError(err({ code: 'EMESSAGE', responseCode: 552, permanent: true, response: '552 Message size exceeds limit' }))).toMatchObject({ reason: 'rejected', detail: '552 Message size exceeds limit' });
    expect(classifySmtpError(err({ code: 'EPROTOCOL', responseCode: 503, response: '503 Bad sequence' })).reason).toBe('temporary');
    expect(classifySmtpError(err({ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' })).reason).toBe('authFailed');
    expect(classifySmtpError(err({ code: 'ETLS' })).reason).toBe('tls');
    expect(classifySmtpError(err({ code: 'ESOCKET', message: 'self-signed certificate' })).reason).toBe('tls');
    expect(classifySmtpError('weird').reason).toBe('unknown');
  });

  it('names every refused recipient with the server\'s words', () => {
    const f = classifySmtpError(
      err({
        code: 'EENVELOPE',
        responseCode: 550,
        rejected: ['a@x.com', 'b@x.com'],
        rejectedErrors: [err({ response: '550 5.1.1 <a@x.com> unknown' }), err({ response: '550 5.1.1 <b@x.com> unknown' })],
      }),
    );
    expect(f).toEqual({ reason: 'rejected', detail: '550 5.1.1 <a@x.com> unknown; 550 5.1.1 <b@x.com> unknown', responseCode: 550, recipients: ['a@x.com', 'b@x.com'] });
  });
});
