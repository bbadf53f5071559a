import type { Tx } from '../../../db/database.ts';
import type { CustomersTable } from '../../../db/tables/tables.ts';
import { fail } from '../../../shared/contract/result.ts';
import { reindexCustomers } from './customer-index.queries.ts';

const PROFILE_FIELDS = ['local_name', 'country', 'website', 'address', 'phone', 'source', 'owner_id', 'personality'] as const;

/**
 * Merges duplicates into one customer without losing anything: contacts, activities, tags and
 * custom field values move over; empty profile fields are filled from the duplicates; a value
 * that differs from the kept one is written into the kept customer's notes. The duplicates are
 * soft-deleted with `merged_into_id`, so the trash can still show where they went.
 */
export async function mergeCustomers(trx: Tx, targetId: string, sourceIds: string[], now: number): Promise<void> {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (sources.length === 0) fail('validation', 'errors.mergeNeedsOthers');
  const target = await trx.selectFrom('customers').selectAll().where('id', '=', targetId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!target) fail('notFound', 'errors.customerNotFound', { id: targetId });
  const rows = await trx.selectFrom('customers').selectAll().where('id', 'in', sources).where('deleted_at', 'is', null).execute();
  if (rows.length !== sources.length) {
    const missing = sources.find((id) => !rows.some((r) => r.id === id)) ?? '';
    fail('notFound', 'errors.customerNotFound', { id: missing });
  }

  const fill: Partial<Pick<CustomersTable, (typeof PROFILE_FIELDS)[number]>> = {};
  const noteLines: string[] = [];
  for (const source of rows) {
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
    noteLines.push(`[${source.code} ${source.name}]`, ...differing);

    await trx.updateTable('contacts').set({ customer_id: targetId, is_primary: 0, updated_at: now }).where('customer_id', '=', source.id).execute();
    await trx.updateTable('activities').set({ customer_id: targetId, updated_at: now }).where('customer_id', '=', source.id).execute();
    // Mail the user filed here by hand follows the customer; automatic links are recomputed below.
    await trx
      .insertInto('mail_message_customers')
      .columns(['message_id', 'customer_id', 'contact_id', 'match', 'address', 'date_at', 'direction'])
      .expression((eb) =>
        eb
          .selectFrom('mail_message_customers')
          .select(['message_id', eb.val(targetId).as('customer_id'), 'contact_id', 'match', 'address', 'date_at', 'direction'])
          .where('customer_id', '=', source.id)
          .where('match', '=', 'manual'),
      )
      .onConflict((oc) => oc.columns(['message_id', 'customer_id']).doUpdateSet({ match: 'manual' }))
      .execute();
    await trx.deleteFrom('mail_message_customers').where('customer_id', '=', source.id).where('match', '=', 'manual').execute();
    await trx
      .insertInto('customer_tags')
      .columns(['customer_id', 'tag_id'])
      .expression((eb) => eb.selectFrom('customer_tags').select([eb.val(targetId).as('customer_id'), 'tag_id']).where('customer_id', '=', source.id))
      .onConflict((oc) => oc.doNothing())
      .execute();
    const values = await trx.selectFrom('custom_field_values').selectAll().where('customer_id', '=', source.id).execute();
    for (const v of values) {
      const kept = await trx.selectFrom('custom_field_values').select('value').where('customer_id', '=', targetId).where('field_id', '=', v.field_id).executeTakeFirst();
      if (!kept) await trx.insertInto('custom_field_values').values({ ...v, customer_id: targetId }).execute();
      else if (kept.value !== v.value) noteLines.push(`field ${v.field_id}: ${JSON.parse(v.value) as string}`);
    }
    await trx.updateTable('customers').set({ deleted_at: now, merged_into_id: targetId, updated_at: now }).where('id', '=', source.id).execute();
  }

  const mergedNote = `Merged (${new Date(now).toISOString().slice(0, 10)}):\n${noteLines.join('\n')}`;
  await trx
    .updateTable('customers')
    .set({ ...fill, notes: target.notes ? `${target.notes}\n\n${mergedNote}` : mergedNote, updated_at: now })
    .where('id', '=', targetId)
    .execute();
  await reindexCustomers(trx, [targetId, ...sources]);
}
