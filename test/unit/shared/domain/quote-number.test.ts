import { describe, expect, it } from 'vitest';
import { formatQuoteNumber, isQuoteNumberPattern, quoteNumberScope, revisionNumber } from '../../../../shared/domain/quote-number.ts';

describe('quote number patterns', () => {
  const june = new Date(2026, 5, 15, 12).getTime();
  it('fills the date and pads the sequence', () => {
    expect(formatQuoteNumber(quoteNumberScope('Q{YYYY}-{SEQ:4}', june), 7)).toBe('Q2026-0007');
    expect(formatQuoteNumber(quoteNumberScope('{YY}{MM}-{SEQ}', june), 123)).toBe('2606-123');
    expect(formatQuoteNumber(quoteNumberScope('Q{YYYY}-{SEQ:2}', june), 123)).toBe('Q2026-123');
  });
  it('scopes the counter by the date part: a new year (or month) starts again', () => {
    expect(quoteNumberScope('Q{YYYY}-{SEQ:4}', june)).toBe('Q2026-{SEQ:4}');
    expect(quoteNumberScope('Q{YYYY}-{SEQ:4}', new Date(2027, 0, 1, 12).getTime())).toBe('Q2027-{SEQ:4}');
    expect(quoteNumberScope('Q{SEQ:5}', june)).toBe('Q{SEQ:5}');
  });
  it('accepts exactly one sequence token and no unknown braces', () => {
    expect(isQuoteNumberPattern('Q{YYYY}-{SEQ:4}')).toBe(true);
    expect(isQuoteNumberPattern('Q{YYYY}')).toBe(false);
    expect(isQuoteNumberPattern('{SEQ}{SEQ}')).toBe(false);
    expect(isQuoteNumberPattern('Q{DD}-{SEQ}')).toBe(false);
    expect(isQuoteNumberPattern('Q-{SEQ:9}')).toBe(false);
  });
  it('numbers revisions after their base', () => {
    expect(revisionNumber('Q2026-0001', 0)).toBe('Q2026-0001');
    expect(revisionNumber('Q2026-0001', 2)).toBe('Q2026-0001-R2');
  });
});
