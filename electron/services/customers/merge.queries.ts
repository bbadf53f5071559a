import type { Selectable } from 'kysely';
import type { Tx } from '../../../db/database.ts';
import type { CustomFieldValuesTable, CustomersTable } from '../../../db/tables/tables.ts';

export type CustomerRecord = Selectable<CustomersTable>;

/** Live customers among these ids, whole rows. */
export function liveCustomerRecords(trx: Tx, ids: readonly string[]): Promise<CustomerRecord[]> {
  return trx.selectFrom('customers').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}

/**
 * Moves everything of `sourceId` that is not its profile to `targetId`: contacts, activities,
 * mail filed by hand, tags. Returns the source's custom field values (the caller decides which
 * the target lacks). Every statement is an index lookup by customer id (checked with EXPLAIN
 * QUERY PLAN in test/integration/electron/services/customers/duplicates.test.ts).
 */
export async function moveCustomerBelongings(trx: Tx, sourceId: string, targetId: string, now: number): Promise<Array<Selectable<CustomFieldValuesTable>>> {
  await trx.updateTable('contacts').set({ customer_id: targetId, is_primary: 0, updated_at: now }).where('customer_id', '=', sourceId).execute();
  // Live and deleted apart, so each is found through its index (activities_timeline holds only
  // live ones, activities_deleted_customer only deleted ones; one statement scanned the table).
  await trx.updateTable('activities').set({ customer_id: targetId, updated_at: now }).where('customer_id', '=', sourceId).where('deleted_at', 'is', null).execute();
  await trx.updateTable('activities').set({ customer_id: targetId, updated_at: now }).where('customer_id', '=', sourceId).where('deleted_at', 'is not', null).execute();
  // Mail the user filed here by hand follows the customer; automatic links are recomputed by the reindex.
  await trx
    .insertInto('mail_message_customers')
    .columns(['message_id', 'customer_id', 'contact_id', 'match', 'address', 'date_at', 'direction'])
    .expression((eb) =>
      eb
        .selectFrom('mail_message_customers')
        .select(['message_id', eb.val(targetId).as('customer_id'), 'contact_id', 'match', 'address', 'date_at', 'direction'])
        .where('customer_id', '=', sourceId)
        .where('match', '=', 'manual'),
    )
    .onConflict((oc) => oc.columns(['message_id', 'customer_id']).doUpdateSet({ match: 'manual' }))
    .execute();
  await trx.deleteFrom('mail_message_customers').where('customer_id', '=', sourceId).where('match', '=', 'manual').execute();
  // Quotes and sample shipments, deleted ones too: their history (price history, reports, the
  // timeline) belongs to the company, whichever record of it is kept.
  await trx.updateTable('quotes').set({ customer_id: targetId, updated_at: now }).where('customer_id', '=', sourceId).execute();
  await trx.updateTable('sample_shipments').set({ customer_id: targetId, updated_at: now }).where('customer_id', '=', sourceId).execute();
  // Tasks too (their done entries are activities, moved with the others).
  await trx.updateTable('tasks').set({ customer_id: targetId, updated_at: now }).where('customer_id', '=', sourceId).execute();
  await trx
    .insertInto('customer_tags')
    .columns(['customer_id', 'tag_id'])
    .expression((eb) => eb.selectFrom('customer_tags').select([eb.val(targetId).as('customer_id'), 'tag_id']).where('customer_id', '=', sourceId))
    .onConflict((oc) => oc.doNothing())
    .execute();
  return trx.selectFrom('custom_field_values').selectAll().where('customer_id', '=', sourceId).execute();
}

/** The target's value of one custom field, if it has one. */
export async function customFieldValue(trx: Tx, customerId: string, fieldId: string): Promise<string | undefined> {
  const row = await trx.selectFrom('custom_field_values').select('value').where('customer_id', '=', customerId).where('field_id', '=', fieldId).executeTakeFirst();
  return row?.value;
}

export async function insertCustomFieldValue(trx: Tx, value: Selectable<CustomFieldValuesTable>): Promise<void> {
  await trx.insertInto('custom_field_values').values(value).execute();
}

/** Soft-deletes a merged customer, remembering where it went. */
export async function markMerged(trx: Tx, sourceId: string, targetId: string, now: number): Promise<void> {
  await trx.updateTable('customers').set({ deleted_at: now, merged_into_id: targetId, updated_at: now }).where('id', '=', sourceId).execute();
}

/** Writes the kept customer's filled-in profile fields and notes. */
export async function updateMergedTarget(trx: Tx, targetId: string, values: Partial<Pick<CustomersTable, 'local_name' | 'country' | 'website' | 'address' | 'phone' | 'source' | 'owner_id' | 'personality' | 'notes'>>, now: number): Promise<void> {
  await trx.updateTable('customers').set({ ...values, updated_at: now }).where('id', '=', targetId).execute();
}
