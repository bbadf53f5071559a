import { describe, expect, it } from 'vitest';
import { batchPercent, filterCount, outboxAttention, recipientsLine } from '../../../../../../renderer/src/features/mail/outbox/outbox-format.ts';

const counts = { queued: 2, sending: 1, sent: 5, failed: 3 };

describe('outbox format', () => {
  it('counts what still needs to go out or needs the user, not what went', () => {
    expect(outboxAttention(counts)).toBe(6);
    expect(outboxAttention(undefined)).toBe(0);
    expect(outboxAttention({ queued: 0, sending: 0, sent: 9, failed: 0 })).toBe(0);
  });

  it('counts each filter tab', () => {
    expect(['all', 'waiting', 'failed', 'sent'].map((f) => filterCount(f as 'all', counts))).toEqual([11, 3, 3, 5]);
  });

  it('shows the first recipients and how many more', () => {
    const a = (address: string, name: string | null = null) => ({ name, address });
    expect(recipientsLine({ to: [a('anna@h.de', 'Anna')], cc: [a('b@h.de')], bcc: [] })).toEqual({ text: 'Anna <anna@h.de>, b@h.de', more: 0 });
    expect(recipientsLine({ to: [a('1@x.de'), a('2@x.de')], cc: [a('3@x.de')], bcc: [a('4@x.de'), a('5@x.de')] })).toEqual({ text: '1@x.de, 2@x.de, 3@x.de', more: 2 });
  });

  it('measures a batch by what is done, sent or refused', () => {
    expect(batchPercent({ queued: 6, sending: 0, sent: 3, failed: 1 }, 10)).toBe(40);
    expect(batchPercent({ queued: 0, sending: 0, sent: 0, failed: 0 }, 0)).toBe(0);
  });
});
