import { describe, expect, it } from 'vitest';
import { phoneSearchText, toFtsQuery, toSearchText } from '../../../../shared/domain/search-text.ts';

describe('CJK search text', () => {
  it('indexes CJK runs as overlapping pairs plus the last character, Latin as words', () => {
    expect(toSearchText('上海明华 Trading Co.')).toBe('上海 海明 明华 华 trading co');
    expect(toSearchText('张')).toBe('张');
  });

  it('turns queries into pair phrases and word prefixes, quoting FTS syntax away', () => {
    expect(toFtsQuery('明华')).toBe('"明华"');
    expect(toFtsQuery('明华贸易')).toBe('"明华 华贸 贸易"');
    expect(toFtsQuery('明')).toBe('"明"*');
    expect(toFtsQuery('acme tra')).toBe('"acme"* AND "tra"*');
    expect(toFtsQuery('NEAR(" OR *')).toBe('"near"* AND "or"*');
    expect(toFtsQuery('anna@hamb')).toBe('"anna hamb"*');
    expect(toFtsQuery('明华abc')).toBe('"明华" AND "abc"*');
    expect(toFtsQuery('  ,.;  ')).toBeNull();
  });

  it('gives phone numbers digit suffixes so a local number finds an international one', () => {
    expect(phoneSearchText('+86 138-1234-5678').split(' ')).toContain('13812345678');
    expect(phoneSearchText('12-34')).toBe('1234');
  });
});

describe('Latin and CJK without a space between them', () => {
  it('ends a Latin word where a CJK run starts, so the Chinese words stay findable', async () => {
    const { queryTerms, LATIN_BEFORE_CJK } = await import('../../../../shared/domain/search-text.ts');
    expect(toSearchText('LED灯具的报价')).toBe('led 灯具 具的 的报 报价 价');
    expect(toSearchText('RE:报价单')).toBe('re 报价 价单 单');
    expect(toFtsQuery('LED灯具')).toBe('"led"* AND "灯具"');
    expect(queryTerms('LED灯具 led')).toEqual([
      { text: 'led', cjk: false },
      { text: '灯具', cjk: true },
    ]);
    expect(LATIN_BEFORE_CJK.test('LED灯具')).toBe(true);
    expect(LATIN_BEFORE_CJK.test('灯具LED 报价 x')).toBe(false);
  });
});
