import type { OutboxRow } from '../../../../../shared/contract/mail-send.contract.ts';
import type { OutboxStatus } from '../../../../../shared/domain/mail-enums.ts';
import { addressFull } from '../mail-format.ts';

/** Pure pieces of the outbox screen, for tests. */

/** Tag colours: waiting calm, sending busy, sent done, failed needs the user. */
export const STATUS_COLORS: Record<OutboxStatus, string> = {
  queued: 'gold',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
};

/** The outbox filter tabs and the statuses each shows (null = all). */
export const OUTBOX_FILTERS = {
  all: null,
  waiting: ['queued', 'sending'],
  failed: ['failed'],
  sent: ['sent'],
} as const satisfies Record<string, readonly OutboxStatus[] | null>;
export type OutboxFilter = keyof typeof OUTBOX_FILTERS;

export type OutboxCounts = Record<OutboxStatus, number>;

/** The count beside "Outbox": what still needs to go out or needs the user (not what is sent). */
export function outboxAttention(counts: OutboxCounts | undefined): number {
  return counts ? counts.queued + counts.sending + counts.failed : 0;
}

export function filterCount(filter: OutboxFilter, counts: OutboxCounts | undefined): number {
  if (!counts) return 0;
  const statuses = OUTBOX_FILTERS[filter];
  return (statuses ?? (['queued', 'sending', 'sent', 'failed'] as const)).reduce((n, s) => n + counts[s], 0);
}

/** "Anna <a@x.de>, b@y.com" and how many more, for one line. */
export function recipientsLine(row: Pick<OutboxRow, 'to' | 'cc' | 'bcc'>, max = 3): { text: string; more: number } {
  const all = [...row.to, ...row.cc, ...row.bcc];
  return { text: all.slice(0, max).map(addressFull).join(', '), more: Math.max(0, all.length - max) };
}

/** A batch's progress in percent: sent (and refused) of all its mails. */
export function batchPercent(counts: OutboxCounts, total: number): number {
  return total > 0 ? Math.round(((counts.sent + counts.failed) / total) * 100) : 0;
}
