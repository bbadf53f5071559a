import type { DbOrTx } from '../../../../db/database.ts';
import type { RowColumns } from './product-import-row.ts';

/** Live products by model key, for the keys of one chunk of rows. */
export async function liveProductsByKey(db: DbOrTx, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'model_key']).where('model_key', 'in', keys).where('deleted_at', 'is', null).execute();
  return new Map(rows.map((r) => [r.model_key, r.id]));
}

export async function insertImportedProduct(
  db: DbOrTx,
  row: { id: string; model: string; modelKey: string; columns: RowColumns; categoryId: string | null },
  now: number,
): Promise<void> {
  await db
    .insertInto('products')
    .values({ ...row.columns, id: row.id, model: row.model, model_key: row.modelKey, category_id: row.categoryId, attributes: '{}', created_at: now, updated_at: now })
    .execute();
}

/** Sets only what the row had: a column the sheet left empty keeps the product's value. */
export async function updateImportedProduct(db: DbOrTx, id: string, row: { model: string; columns: RowColumns; categoryId: string | null }, now: number): Promise<void> {
  await db
    .updateTable('products')
    .set({ ...row.columns, model: row.model, ...(row.categoryId ? { category_id: row.categoryId } : {}), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Live categories by their English and Chinese names, lower-cased. */
export async function categoriesByName(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db.selectFrom('product_categories').select(['id', 'name_en', 'name_zh']).where('deleted_at', 'is', null).execute();
  const out = new Map<string, string>();
  for (const r of rows) for (const name of [r.name_en, r.name_zh]) if (name) out.set(name.trim().toLowerCase(), r.id);
  return out;
}

/** The mapping last chosen for a sheet with these headers (see headerSetKey), by normalised header. */
export async function savedProductMapping(db: DbOrTx, headerSet: string): Promise<Record<string, string> | null> {
  const row = await db.selectFrom('product_import_mappings').select('mapping').where('header_set', '=', headerSet).executeTakeFirst();
  return row ? (JSON.parse(row.mapping) as Record<string, string>) : null;
}

export async function saveProductMapping(db: DbOrTx, headerSet: string, mapping: Record<string, string>, now: number): Promise<void> {
  await db
    .insertInto('product_import_mappings')
    .values({ header_set: headerSet, mapping: JSON.stringify(mapping), updated_at: now })
    .onConflict((oc) => oc.column('header_set').doUpdateSet({ mapping: JSON.stringify(mapping), updated_at: now }))
    .execute();
}
