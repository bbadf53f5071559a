import { describe, expect, it } from 'vitest';
import {
  parseAuthenticationResults,
  senderAuthenticationOf,
  trustedAuthenticationResults,
  type HeaderLine,
} from '../../../../../../electron/services/mail/store/sender-authentication.ts';

/** Header lines as mailparser gives them: lower-cased key, the raw line (folded lines kept). */
function headers(...lines: string[]): HeaderLine[] {
  return lines.map((line) => ({ key: line.slice(0, line.indexOf(':')).toLowerCase(), line }));
}

const FROM = 'From: Anna <anna@hamburg-trade.de>';
/** The receiving server's own hop: above it, its headers; below it, whatever the sender wrote. */
const MX_RECEIVED = 'Received: from mail.hamburg-trade.de (mail.hamburg-trade.de [203.0.113.5])\r\n\tby mx.mytrade.test with ESMTPS id 4711; Mon, 1 Jun 2026 08:00:00 +0000';
const LMTP_RECEIVED = 'Received: from mx.mytrade.test ([127.0.0.1])\r\n\tby imap.mytrade.test with LMTP id abc; Mon, 1 Jun 2026 08:00:01 +0000';

describe('parseAuthenticationResults (RFC 8601)', () => {
  it('reads the authserv-id, methods, results and properties, past comments, quotes and folding', () => {
    const parsed = parseAuthenticationResults(
      ' mx.mytrade.test 1; (checked at the edge)\r\n\tdkim=pass (2048-bit key) header.d=Hamburg-Trade.de header.i=@hamburg-trade.de header.s="sel;1";\r\n spf=softfail smtp.mailfrom=bounce@elsewhere.test; dmarc/1=pass (p=reject) header.from=hamburg-trade.de',
    );
    expect(parsed).toEqual({
      authservId: 'mx.mytrade.test',
      results: [
        { method: 'dkim', result: 'pass', properties: { 'header.d': 'Hamburg-Trade.de', 'header.i': '@hamburg-trade.de', 'header.s': 'sel;1' } },
        { method: 'spf', result: 'softfail', properties: { 'smtp.mailfrom': 'bounce@elsewhere.test' } },
        { method: 'dmarc', result: 'pass', properties: { 'header.from': 'hamburg-trade.de' } },
      ],
    });
  });

  it('takes "none" as no results, and skips entries it cannot read', () => {
    expect(parseAuthenticationResults('mx.mytrade.test; none')).toEqual({ authservId: 'mx.mytrade.test', results: [] });
    expect(parseAuthenticationResults('mx.mytrade.test; garbage; dkim=pass header.d=a.test')?.results).toEqual([
      { method: 'dkim', result: 'pass', properties: { 'header.d': 'a.test' } },
    ]);
    expect(parseAuthenticationResults('   ')).toBeNull();
  });
});

describe('which Authentication-Results are trusted', () => {
  it('those above the receiving server\'s Received:, looking past local LMTP delivery', () => {
    const list = headers(
      LMTP_RECEIVED,
      'Authentication-Results: mx.mytrade.test; dmarc=fail header.from=hamburg-trade.de',
      MX_RECEIVED,
      'Authentication-Results: mx.mytrade.test; dmarc=pass header.from=hamburg-trade.de',
      FROM,
    );
    expect(trustedAuthenticationResults(list).map((r) => r.results[0]!.result)).toEqual(['fail']);
  });
});

describe('senderAuthenticationOf', () => {
  it('passes on the receiving server\'s dmarc=pass', () => {
    expect(senderAuthenticationOf(headers('Authentication-Results: mx.mytrade.test; dmarc=pass header.from=hamburg-trade.de', MX_RECEIVED, FROM), 'anna@hamburg-trade.de')).toBe('pass');
  });

  it('refuses a forged From: the server says dmarc=fail, whatever the sender wrote below its Received:', () => {
    const forged = headers(
      'Authentication-Results: mx.mytrade.test; dkim=pass header.d=evil.test; spf=pass smtp.mailfrom=x@evil.test; dmarc=fail header.from=hamburg-trade.de',
      MX_RECEIVED,
      'Authentication-Results: mx.mytrade.test; dmarc=pass header.from=hamburg-trade.de',
      FROM,
    );
    expect(senderAuthenticationOf(forged, 'anna@hamburg-trade.de')).toBe('fail');
  });

  it('is none without a trusted header: missing, or only below the receiving server\'s Received:', () => {
    expect(senderAuthenticationOf(headers(MX_RECEIVED, FROM), 'anna@hamburg-trade.de')).toBe('none');
    // The classic forgery against a server that checks nothing: a pass written by the sender.
    expect(
      senderAuthenticationOf(headers(MX_RECEIVED, 'Authentication-Results: mx.mytrade.test; dmarc=pass; dkim=pass header.d=hamburg-trade.de', FROM), 'anna@hamburg-trade.de'),
    ).toBe('none');
    // …even when local delivery put its own Received: on top.
    expect(senderAuthenticationOf(headers(LMTP_RECEIVED, MX_RECEIVED, 'Authentication-Results: mx; dmarc=pass', FROM), 'anna@hamburg-trade.de')).toBe('none');
    expect(senderAuthenticationOf(headers('Authentication-Results: mx; dmarc=pass', MX_RECEIVED), null)).toBe('none');
  });

  it('takes a dkim pass only when the signing domain is the From domain or a parent of it', () => {
    const dkim = (props: string, from = 'anna@hamburg-trade.de') =>
      senderAuthenticationOf(headers(`Authentication-Results: mx.mytrade.test; dkim=pass ${props}`, MX_RECEIVED, `From: ${from}`), from);
    expect(dkim('header.d=hamburg-trade.de')).toBe('pass');
    expect(dkim('header.d=HAMBURG-TRADE.DE.')).toBe('pass');
    expect(dkim('header.i=sales@hamburg-trade.de')).toBe('pass');
    expect(dkim('header.d=hamburg-trade.de', 'anna@mail.hamburg-trade.de')).toBe('pass');
    // Signed, but by someone else: a mailing service's own domain, or a look-alike.
    expect(dkim('header.d=sendgrid.net')).toBe('fail');
    expect(dkim('header.d=evil-hamburg-trade.de')).toBe('fail');
    expect(dkim('header.d=trade.de')).toBe('fail');
    expect(dkim('header.d=de')).toBe('fail');
    expect(dkim('')).toBe('fail');
  });

  it('takes an spf pass only for an envelope sender of the From domain', () => {
    const spf = (result: string, mailfrom: string) =>
      senderAuthenticationOf(headers(`Authentication-Results: mx.mytrade.test; spf=${result} smtp.mailfrom=${mailfrom}`, MX_RECEIVED, FROM), 'anna@hamburg-trade.de');
    expect(spf('pass', 'bounce@hamburg-trade.de')).toBe('pass');
    expect(spf('pass', 'bounce@bulk-mailer.test')).toBe('fail');
    expect(spf('softfail', 'bounce@hamburg-trade.de')).toBe('fail');
  });

  it('combines several trusted headers (one per checker) and lets dmarc=fail veto', () => {
    const several = headers(
      'Authentication-Results: mx.mytrade.test; spf=none smtp.mailfrom=x@hamburg-trade.de',
      'Authentication-Results: mx.mytrade.test; dkim=pass header.d=hamburg-trade.de',
      MX_RECEIVED,
      FROM,
    );
    expect(senderAuthenticationOf(several, 'anna@hamburg-trade.de')).toBe('pass');
    const vetoed = headers('Authentication-Results: mx.mytrade.test; dmarc=fail', 'Authentication-Results: mx.mytrade.test; dkim=pass header.d=hamburg-trade.de', MX_RECEIVED, FROM);
    expect(senderAuthenticationOf(vetoed, 'anna@hamburg-trade.de')).toBe('fail');
    // A dmarc pass about another From domain does not vouch for this one.
    expect(senderAuthenticationOf(headers('Authentication-Results: mx; dmarc=pass header.from=other.test', MX_RECEIVED, FROM), 'anna@hamburg-trade.de')).toBe('fail');
  });

  it('is none for a message with two From: headers (the server may have checked the other)', () => {
    const two = headers('Authentication-Results: mx.mytrade.test; dmarc=pass', MX_RECEIVED, 'From: x@evil.test', FROM);
    expect(senderAuthenticationOf(two, 'anna@hamburg-trade.de')).toBe('none');
  });
});
