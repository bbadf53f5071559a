import { describe, expect, it } from 'vitest';
import { quoteNumberCandidates, quoteNumberKey } from '../../../../shared/domain/quote-number-mentions.ts';

describe('quoteNumberCandidates', () => {
  it('finds numbers with letters, digits and inner separators, in any case', () => {
    const found = quoteNumberCandidates(['RE: q2026-0042 revised (PI-2026/15).', 'Our ref HX20261201, see 报价单Q2026-0043。']);
    expect(found).toEqual(expect.arrayContaining(['Q2026-0042', 'PI-2026/15', 'HX20261201']));
    // Chinese text runs straight into the number.
    expect(found).toContain('Q2026-0043');
  });

  it('skips bare numbers, plain words and trailing punctuation', () => {
    const found = quoteNumberCandidates(['Quote for 2026 sent on 12.05, price 3.25 USD. Thanks—Anna', 'Q2026-0042.']);
    expect(found).not.toContain('2026');
    expect(found).not.toContain('QUOTE');
    expect(found).toContain('Q2026-0042');
    expect(found).not.toContain('Q2026-0042.');
  });

  it('stops at the limit so a listing of thousands of codes costs little', () => {
    const listing = Array.from({ length: 1000 }, (_, i) => `SKU-${i}`).join(' ');
    expect(quoteNumberCandidates([listing], 50)).toHaveLength(50);
  });

  it('keys numbers by ASCII upper case, as SQLite upper() does', () => {
    expect(quoteNumberKey(' q2026-0042 ')).toBe('Q2026-0042');
    expect(quoteNumberKey('pi-é1')).toBe('PI-é1');
  });
});
