import { describe, expect, it } from 'vitest';
import { freeName, safeFileName } from '../../../../shared/domain/file-names.ts';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('safeFileName', () => {
  it('caps a Chinese name by UTF-8 bytes, keeping the extension', () => {
    const name = safeFileName(`${'报价单'.repeat(34)}.pdf`, 'attachment');
    expect(bytes(name)).toBeLessThanOrEqual(200);
    expect(name).toBe(`${'报价单'.repeat(21)}报价.pdf`);
    const plain = safeFileName('客'.repeat(100), 'attachment');
    expect(plain).toBe('客'.repeat(66));
  });

  it('never cuts a surrogate pair in half', () => {
    const name = safeFileName(`a${'😀'.repeat(100)}`, 'attachment');
    expect(LONE_SURROGATE.test(name)).toBe(false);
    expect(name).toBe(`a${'😀'.repeat(49)}`);
  });

  it('strips a dot or blank the cut leaves at the end', () => {
    expect(safeFileName(`${'x'.repeat(199)}.${'z'.repeat(60)}`, 'attachment')).toBe('x'.repeat(199));
    expect(safeFileName(`${'x'.repeat(195)}. yyy.pdf`, 'attachment')).toBe(`${'x'.repeat(195)}.pdf`);
  });

  it('prefixes every reserved device name, including CONIN$, CONOUT$ and superscript ports', () => {
    for (const reserved of ['CON', 'nul.txt', 'conin$', 'CONOUT$.log', 'COM¹', 'lpt³.txt', 'com9']) expect(safeFileName(reserved, 'f')).toBe(`_${reserved}`);
    expect(safeFileName('console.txt', 'f')).toBe('console.txt');
  });

  it('removes bidi controls that would show the extension reversed', () => {
    expect(safeFileName('invoice\u202Egpj.exe', 'f')).toBe('invoicegpj.exe');
    expect(safeFileName('a\u2066b\u2069c.txt', 'f')).toBe('abc.txt');
  });

  it('replaces reserved characters and falls back for an empty name', () => {
    expect(safeFileName('a/b:c?.txt', 'f')).toBe('a_b_c_.txt');
    expect(safeFileName(' .. ', 'fallback')).toBe('fallback');
    expect(freeName('a.txt', (n) => n === 'a.txt')).toBe('a (2).txt');
  });
});

describe('the mail export\u2019s default file name', () => {
  it('is the customer\u2019s code and name, made safe', () => {
    expect(safeFileName('C-0042 Hamburg Trade GmbH.mbox', 'mail.mbox')).toBe('C-0042 Hamburg Trade GmbH.mbox');
    expect(safeFileName('AS-001 深圳/明华: "贸易".mbox', 'mail.mbox')).toBe('AS-001 深圳_明华_ _贸易_.mbox');
  });
});
