import { describe, expect, it } from 'vitest';
import { phoneSearchText, toFtsQuery, toSearchText } from '../../../shared/domain/search-text.ts';

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
