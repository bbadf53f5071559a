import type { Tx } from '../../../db/database.ts';
import { fail } from '../../../shared/contract/result.ts';
import { reindexCustomers } from './customer-index.queries.ts';
import { customFieldValue, insertCustomFieldValue, liveCustomerRecords, markMerged, moveCustomerBelongings, updateMergedTarget, type CustomerRecord } from './merge.queries.ts';

const PROFILE_FIELDS = ['local_name', 'country', 'website', 'address', 'phone', 'source', 'owner_id', 'personality'] as const;
type ProfileFill = Partial<Pick<CustomerRecord, (typeof PROFILE_FIELDS)[number]>>;

/**
 * Merges duplicates into one customer without losing anything: contacts, activities, tags and
 * custom field values move over; empty profile fields are filled from the duplicates; a value
 * that differs from the kept one is written into the kept customer's notes. The duplicates are
 * soft-deleted with `merged_into_id`, so the trash can still show where they went.
 */
export async function mergeCustomers(trx: Tx, targetId: string, sourceIds: string[], now: number): Promise<void> {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (sources.length === 0) fail('validation', 'errors.mergeNeedsOthers');
  const [target] = await liveCustomerRecords(trx, [targetId]);
  if (!target) fail('notFound', 'errors.customerNotFound', { id: targetId });
  const rows = await liveCustomerRecords(trx, sources);
  if (rows.length !== sources.length) {
    const missing = sources.find((id) => !rows.some((r) => r.id === id)) ?? '';
    fail('notFound', 'errors.customerNotFound', { id: missing });
  }

  const fill: ProfileFill = {};
  const noteLines: string[] = [];
  for (const source of rows) {
    noteLines.push(`[${source.code} ${source.name}]`, ...fillFrom(target, source, fill));
    for (const v of await moveCustomerBelongings(trx, source.id, targetId, now)) {
      const kept = await customFieldValue(trx, targetId, v.field_id);
      if (kept === undefined) await insertCustomFieldValue(trx, { ...v, customer_id: targetId });
      else if (kept !== v.value) noteLines.push(`field ${v.field_id}: ${JSON.parse(v.value) as string}`);
    }
    await markMerged(trx, source.id, targetId, now);
  }

  const mergedNote = `Merged (${new Date(now).toISOString().slice(0, 10)}):\n${noteLines.join('\n')}`;
  await updateMergedTarget(trx, targetId, { ...fill, notes: target.notes ? `${target.notes}\n\n${mergedNote}` : mergedNote }, now);
  await reindexCustomers(trx, [targetId, ...sources]);
}

/**
 * Fills the target's empty profile fields from one duplicate (into `fill`) and returns the lines
 * for the notes: its name when different, the values that differ from the kept ones, its notes.
 */
function fillFrom(target: CustomerRecord, source: CustomerRecord, fill: ProfileFill): string[] {
  const differing: string[] = [];
  for (const field of PROFILE_FIELDS) {
    const mine = fill[field] ?? target[field];
    const theirs = source[field];
    if (theirs === null || theirs === '') continue;
    if (mine === null || mine === '') Object.assign(fill, { [field]: theirs });
    else if (mine !== theirs) differing.push(`${field}: ${theirs}`);
  }
  if (source.name !== target.name) differing.unshift(`name: ${source.name}`);
  if (source.notes) differing.push(`notes: ${source.notes}`);
  return differing;
}
