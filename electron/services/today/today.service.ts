import type { z } from 'zod';
import type { todayCalls, TodayItem, TodaySection } from '../../../shared/contract/today.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import { DEFAULT_QUIET_HOURS, endOfLocalDay, isQuietTime } from '../../../shared/domain/quiet-hours.ts';
import { SNOOZED_BY_TODAY, TODAY_COUNT_CAP, TODAY_KINDS, type TodayKind } from '../../../shared/domain/today-kinds.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { moveQuoteFollowUp } from '../quotes/quote-writes.queries.ts';
import { isTimeZone } from '../reports/report-months.ts';
import { moveSampleFollowUp } from '../samples/sample-shipment.queries.ts';
import { readReplyWait, readStoredSettings } from '../settings/settings.queries.ts';
import { claimUnnotified, notContacted, putSnooze, quoteFollowUps, sampleFeedback, waitingForReply, type SectionQuery, type SectionRows } from './today.queries.ts';
import { todaySources, type TodayActions } from './today-sources.ts';

type Keys = keyof typeof todayCalls;
type Input<K extends Keys> = z.output<(typeof todayCalls)[K]['input']>;

/** At most this many notifications at once; the rest are told as "and N more" (a first start can find hundreds overdue). */
export const NOTIFY_AT_ONCE = 5;
/**
 * Customers due for contact are not notified one by one: at 100k customers thousands are, and
 * they are a list to work through, not an appointment. Today and its badge show them.
 */
const NOT_NOTIFIED: ReadonlySet<TodayKind> = new Set(['notContacted']);

/** Today (issue 14 point 3): gathers what every room has due, by kind, for the home screen, its badge and notifications. */
export function createTodayService(deps: ServiceDeps & { actions: TodayActions }): { handlers: Pick<Handlers, Keys> } {
  const { db, clock } = deps;
  const sources = todaySources(db, deps.actions);

  async function section(kind: TodayKind, q: SectionQuery): Promise<SectionRows> {
    switch (kind) {
      case 'quoteFollowUp':
        return quoteFollowUps(db, q);
      case 'sampleFeedback':
        return sampleFeedback(db, q);
      case 'waitingForReply':
        return waitingForReply(db, q, await readReplyWait(db));
      case 'notContacted':
        return notContacted(db, q);
      default:
        return sources.section(kind, q);
    }
  }

  async function sections(input: { ownerId: string | null; until?: number | undefined; limit: number }, kinds: readonly TodayKind[] = TODAY_KINDS): Promise<TodaySection[]> {
    const now = clock.now();
    const q: SectionQuery = { now, until: input.until ?? endOfLocalDay(now), ownerId: input.ownerId, limit: input.limit };
    // One after another: they share one connection, and each is a few milliseconds.
    const out: TodaySection[] = [];
    for (const kind of kinds) {
      const { total, rows } = await section(kind, q);
      // Rooms whose lists are short count exactly; Today never says more than the cap.
      if (total > 0) out.push({ kind, total: Math.min(total, TODAY_COUNT_CAP), rows, capped: total >= TODAY_COUNT_CAP });
    }
    return out;
  }

  async function snooze({ kind, recordId, until }: Input<'today.snooze'>): Promise<{ count: number }> {
    const now = clock.now();
    if (until <= now) fail('validation', 'today.errors.snoozeInPast', {}, [{ path: 'until', message: 'today.errors.snoozeInPast' }]);
    let count: number;
    if (SNOOZED_BY_TODAY.has(kind)) {
      await putSnooze(db, kind, recordId, until, now);
      count = 1;
    } else if (kind === 'quoteFollowUp') count = await moveQuoteFollowUp(db, recordId, until, now);
    else if (kind === 'sampleFeedback') count = await moveSampleFollowUp(db, recordId, until, now);
    else count = await sources.snooze(kind, recordId, until);
    if (count === 0) fail('notFound', 'today.errors.nothingToSnooze', {});
    deps.emit('data.changed', { entities: [sources.entityOf(kind)] });
    return { count };
  }

  async function done({ kind, recordId }: Input<'today.done'>): Promise<{ count: number }> {
    const now = clock.now();
    let count: number;
    if (kind === 'quoteFollowUp') count = await moveQuoteFollowUp(db, recordId, null, now);
    else if (sources.canComplete(kind)) count = await sources.complete(kind, recordId);
    else fail('validation', 'today.errors.notDoneHere', { kind }, [{ path: 'kind', message: 'today.errors.notDoneHere', params: { kind } }]);
    if (count === 0) fail('notFound', 'today.errors.nothingToComplete', {});
    deps.emit('data.changed', { entities: [sources.entityOf(kind)] });
    return { count };
  }

  async function takeNotifications({ until, timeZone }: Input<'today.takeNotifications'>): Promise<{ items: TodayItem[]; more: number }> {
    const now = clock.now();
    const zone = timeZone && isTimeZone(timeZone) ? timeZone : undefined;
    const stored = (await readStoredSettings(db, ['notifications'])).get('notifications') as { enabled?: boolean; quietHours?: { from: string; to: string } | null } | undefined;
    if (stored?.enabled === false) return { items: [], more: 0 };
    // Never set: the default quiet hours (settings.service.ts) apply.
    const quiet = stored === undefined ? DEFAULT_QUIET_HOURS : (stored.quietHours ?? null);
    if (isQuietTime(now, quiet, zone)) return { items: [], more: 0 };
    const kinds = TODAY_KINDS.filter((k) => !NOT_NOTIFIED.has(k));
    // Due now, not later today: a task due at 15:00 is notified at 15:00.
    const due = (await sections({ ownerId: null, until: Math.min(until ?? now, now), limit: 50 }, kinds)).flatMap((s) => s.rows);
    if (due.length === 0) return { items: [], more: 0 };
    const claimed = await db.transaction().execute((trx) => claimUnnotified(trx, due.map((i) => i.key), now));
    const fresh = due.filter((i) => claimed.has(i.key));
    return { items: fresh.slice(0, NOTIFY_AT_ONCE), more: Math.max(0, fresh.length - NOTIFY_AT_ONCE) };
  }

  return {
    handlers: {
      'today.list': async (input) => {
        const out = await sections(input);
        return { sections: out, total: out.reduce((n, s) => n + s.total, 0) };
      },
      'today.count': async (input) => {
        const out = await sections({ ...input, limit: 1 });
        return { total: out.reduce((n, s) => n + s.total, 0) };
      },
      'today.snooze': snooze,
      'today.done': done,
      'today.takeNotifications': takeNotifications,
    },
  };
}
