import type { Db, DbOrTx } from '../../../db/database.ts';
import type { Settings } from '../../../shared/contract/app.contract.ts';
import { GRADES, type Grade } from '../../../shared/domain/customer-enums.ts';
import { DEFAULT_REPLY_WAIT_DAYS, type ReplyWait, type WorkingCalendar } from '../../../shared/domain/working-days.ts';

/** The stored settings, JSON-decoded, by key (only those ever set; the service knows the defaults). */
export async function readStoredSettings(db: Db, keys?: readonly string[]): Promise<Map<string, unknown>> {
  let q = db.selectFrom('settings').select(['key', 'value']);
  if (keys) q = q.where('key', 'in', keys);
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

/** Each grade's days without contact before a customer is overdue; null = never. */
export async function readContactIntervals(db: Db): Promise<Record<Grade, number | null>> {
  const rows = await db.selectFrom('contact_intervals').select(['grade', 'days']).execute();
  const intervals = Object.fromEntries(GRADES.map((g) => [g, null])) as Record<Grade, number | null>;
  for (const row of rows) intervals[row.grade] = row.days;
  return intervals;
}

/** Stores each value JSON-encoded, replacing what the key held. */
export async function putSettings(db: DbOrTx, entries: ReadonlyArray<readonly [string, unknown]>, now: number): Promise<void> {
  for (const [key, value] of entries) {
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now }))
      .execute();
  }
}

/** The contact_intervals trigger recomputes every due_at of that grade. */
export async function setContactInterval(db: DbOrTx, grade: Grade, days: number | null): Promise<void> {
  await db.updateTable('contact_intervals').set({ days }).where('grade', '=', grade).execute();
}

/** Sorted, each date once: the lists are shown and compared as they are stored. */
export function toCalendar(value: unknown): Settings['workingCalendar'] {
  const list = (v: unknown) => (Array.isArray(v) ? [...new Set(v.filter((d): d is string => typeof d === 'string'))].sort() : []);
  const stored = value !== null && typeof value === 'object' ? (value as Partial<Record<keyof WorkingCalendar, unknown>>) : {};
  return { daysOff: list(stored.daysOff), workingWeekends: list(stored.workingWeekends) };
}

/**
 * "Waiting for our reply" after how many working days, and which days those are: for services
 * that only need these settings.
 */
export async function readReplyWait(db: Db): Promise<ReplyWait> {
  const stored = await readStoredSettings(db, ['replyWaitDays', 'workingCalendar']);
  const days = stored.get('replyWaitDays');
  return { days: typeof days === 'number' ? days : DEFAULT_REPLY_WAIT_DAYS, calendar: toCalendar(stored.get('workingCalendar')) };
}
