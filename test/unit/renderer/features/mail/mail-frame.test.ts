import { describe, expect, it } from 'vitest';
import {
  buildMailSrcdoc,
  classifyMailUrl,
  escapeHtml,
  firstSrcsetUrl,
  MAIL_FRAME_CSP,
  normalizeContentId,
  shownLinkUrl,
} from '../../../../../renderer/src/features/mail/mail-frame.ts';

describe('the mail frame document', () => {
  it('starts with a CSP that allows nothing but inline styles and data: images', () => {
    expect(MAIL_FRAME_CSP).toContain("default-src 'none'");
    expect(MAIL_FRAME_CSP).toContain('img-src data:;');
    expect(MAIL_FRAME_CSP).not.toMatch(/script-src|https?:|'self'/);
    const doc = buildMailSrcdoc('<p>Hi</p>');
    const csp = doc.indexOf('Content-Security-Policy');
    expect(csp).toBeGreaterThan(0);
    // Nothing that could load or run comes before the policy.
    expect(doc.slice(0, csp)).toBe('<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="');
    expect(doc.endsWith('<body><p>Hi</p></body></html>')).toBe(true);
  });
});

describe('mail URLs', () => {
  it('classifies references', () => {
    expect(classifyMailUrl('http://a.test/x.png')).toBe('remote');
    expect(classifyMailUrl(' HTTPS://a.test/x.png')).toBe('remote');
    expect(classifyMailUrl('//a.test/x.png')).toBe('remote');
    expect(classifyMailUrl('cid:part1@x')).toBe('cid');
    expect(classifyMailUrl('data:image/png;base64,AAAA')).toBe('dataImage');
    expect(classifyMailUrl('data:image/svg+xml,<svg/>')).toBe('dataImage');
    expect(classifyMailUrl('data:text/html,<script>')).toBe('other');
    expect(classifyMailUrl('javascript:alert(1)')).toBe('other');
    expect(classifyMailUrl('/relative.png')).toBe('other');
    expect(classifyMailUrl('file:///etc/passwd')).toBe('other');
  });

  it('normalizes Content-IDs as the parser stores them', () => {
    expect(normalizeContentId('cid:<Part1.ABC@Host>')).toBe('part1.abc@host');
    expect(normalizeContentId('CID:part1.abc%40host')).toBe('part1.abc@host');
    expect(normalizeContentId('cid:%E0%A4%A')).toBe('%e0%a4%a');
  });

  it('takes the first srcset candidate, commas inside URLs included', () => {
    expect(firstSrcsetUrl('a.png 1x, b.png 2x')).toBe('a.png');
    expect(firstSrcsetUrl('  http://t.test/a,b.png 480w')).toBe('http://t.test/a,b.png');
    expect(firstSrcsetUrl('a.png, b.png')).toBe('a.png');
    expect(firstSrcsetUrl('')).toBeNull();
    expect(firstSrcsetUrl(null)).toBeNull();
  });

  it('shows only web and mail links', () => {
    expect(shownLinkUrl('https://shop.test/p?id=1')).toBe('https://shop.test/p?id=1');
    expect(shownLinkUrl('mailto:sales@x.test')).toBe('mailto:sales@x.test');
    expect(shownLinkUrl('javascript:alert(1)')).toBeNull();
    expect(shownLinkUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(shownLinkUrl('data:text/html,x')).toBeNull();
    expect(shownLinkUrl('#top')).toBeNull();
  });

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
