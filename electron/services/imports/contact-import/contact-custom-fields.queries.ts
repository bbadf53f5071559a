import type { DbOrTx, Tx } from '../../../../db/database.ts';
import { batches, idChunks } from '../../core/id-chunks.ts';

/**
 * The custom-field statements of the contact import: which fields the matched customers hold, the
 * values a chunk writes, and undo's removal of the values and field definitions it added. The
 * definitions themselves are made by the catalog's own insertField.
 */

/** Rows per multi-row insert: three values each, well under SQLite's 32,766 per statement. */
const VALUES_PER_INSERT = 5000;

/** The values these customers hold, by field: a merge fills only the other fields. */
export async function heldFieldValues(db: DbOrTx, customerIds: readonly string[]): Promise<Array<{ customer_id: string; field_id: string; value: string }>> {
  const out: Array<{ customer_id: string; field_id: string; value: string }> = [];
  for (const ids of idChunks(customerIds)) out.push(...(await db.selectFrom('custom_field_values').select(['customer_id', 'field_id', 'value']).where('customer_id', 'in', ids).execute()));
  return out;
}

/** New values (`value` JSON as the customer form stores it); the caller knows none of them exists. */
export async function insertCustomFieldValues(trx: Tx, rows: ReadonlyArray<{ customer_id: string; field_id: string; value: string }>): Promise<void> {
  for (const part of batches(rows, VALUES_PER_INSERT)) await trx.insertInto('custom_field_values').values(part).execute();
}

/** Removes values an import wrote, unless edited since (the value no longer is what the import wrote). */
export async function deleteFieldValuesForUndo(trx: Tx, values: ReadonlyArray<{ customerId: string; fieldId: string; written: string }>): Promise<void> {
  for (const v of values) {
    await trx.deleteFrom('custom_field_values').where('customer_id', '=', v.customerId).where('field_id', '=', v.fieldId).where('value', '=', v.written).execute();
  }
}

/**
 * Field definitions an import made that no customer (live or in the trash) holds a value for any
 * more. custom_field_values has no index on field_id, so each probe may scan the table: an import
 * makes a handful of fields, and one scan of 100,000 values is milliseconds.
 */
export async function deleteUnusedFields(trx: Tx, ids: readonly string[]): Promise<void> {
  for (const part of idChunks(ids)) {
    await trx
      .deleteFrom('custom_field_defs')
      .where('id', 'in', part)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('custom_field_values').select('field_id').whereRef('custom_field_values.field_id', '=', 'custom_field_defs.id'))))
      .execute();
  }
}
