import { describe, expect, it } from 'vitest';
import { snippetOf } from '../../../../shared/domain/mail-message.ts';
import { MAX_PREVIEW_URL, withoutLinkNoise } from '../../../../shared/domain/mail-preview.ts';

describe('mail preview', () => {
  it('drops URLs in brackets that repeat a link or image after its words', () => {
    const text = '[http://tracker.example/pixel.gif]\nSpring deals [https://click.example/c?u=1&e=abc] are here. <https://shop.example/a> Read more ( http://shop.example/more )';
    expect(snippetOf(text)).toBe('Spring deals are here. Read more');
  });

  it('drops long bare tracking URLs and keeps short ones a person typed', () => {
    const tracking = 'https://click.mailer.example/ls/click?upn=ZxY1234567890abcdefghijklmnopqrstuvwxyz';
    expect(snippetOf(`View online: ${tracking}\nDear Anna, see www.acme.de or https://acme.de/p1 for the catalogue.`)).toBe(
      'View online: Dear Anna, see www.acme.de or https://acme.de/p1 for the catalogue.',
    );
    expect(snippetOf('Price list [mailto:sales@acme.de] attached, see <https://acme.de/p>.')).toBe('Price list attached, see.');
  });

  it('keeps the spacing of the text around what it takes out (the preview collapses it)', () => {
    const long = `https://t.example/${'x'.repeat(MAX_PREVIEW_URL)}`;
    expect(withoutLinkNoise(`a\n${long}\nb [https://x.example/y].`)).toBe('a\n \nb.');
  });

  it('leaves text without URLs and brackets without URLs alone', () => {
    expect(snippetOf('Quote [FOB Ningbo] for 报价 (USD 3.20/pc)')).toBe('Quote [FOB Ningbo] for 报价 (USD 3.20/pc)');
    expect(snippetOf('[http://tracker.example/pixel.gif]')).toBeNull();
  });
});
