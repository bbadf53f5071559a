import type { DbOrTx } from '../../../db/database.ts';
import type { ProductAttributeType } from '../../../db/tables/quotes.tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';

type CategoryOut = CallOutput<'productCategories.create'>;
type DefOut = CategoryOut['attributes'][number];
type DefInput = ParsedInput<'productCategories.create'>['attributes'][number];

/** Live attribute defs of these categories (all live ones when `categoryIds` is omitted), in their order. */
export async function listAttributeDefs(db: DbOrTx, categoryIds?: string[]): Promise<Array<DefOut & { categoryId: string }>> {
  let q = db.selectFrom('product_attribute_defs').select(['id', 'category_id', 'label', 'type', 'options']).where('deleted_at', 'is', null);
  if (categoryIds) q = q.where('category_id', 'in', categoryIds.length ? categoryIds : ['']);
  const rows = await q.orderBy('sort').orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, categoryId: r.category_id, label: r.label, type: r.type, options: JSON.parse(r.options) as string[] }));
}

/** Live categories by their order and name, each with its template and live products' count. */
export async function listCategories(db: DbOrTx): Promise<CategoryOut[]> {
  const rows = await db
    .selectFrom('product_categories as c')
    .select(['c.id', 'c.name_en', 'c.name_zh'])
    .select((eb) =>
      eb
        .selectFrom('products as p')
        .whereRef('p.category_id', '=', 'c.id')
        .where('p.deleted_at', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('productCount'),
    )
    .where('c.deleted_at', 'is', null)
    .orderBy('c.sort')
    .orderBy('c.name_en')
    .execute();
  const defs = await listAttributeDefs(db);
  return rows.map((r) => ({
    id: r.id,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    attributes: defs.filter((d) => d.categoryId === r.id).map(({ categoryId: _, ...d }) => d),
    productCount: Number(r.productCount ?? 0),
  }));
}

export async function categoryIsLive(db: DbOrTx, id: string): Promise<boolean> {
  const row = await db.selectFrom('product_categories').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function insertCategory(db: DbOrTx, id: string, input: ParsedInput<'productCategories.create'>, now: number): Promise<void> {
  await db.insertInto('product_categories').values({ id, name_en: input.nameEn, name_zh: input.nameZh, sort: 0, created_at: now, updated_at: now }).execute();
}

export async function updateCategory(db: DbOrTx, input: ParsedInput<'productCategories.update'>, now: number): Promise<number> {
  const res = await db
    .updateTable('product_categories')
    .set({ name_en: input.nameEn, name_zh: input.nameZh, updated_at: now })
    .where('id', '=', input.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/**
 * Makes the category's template exactly `defs`, in their order: a def with an id keeps it (so
 * products' values stay attached), one without is new (`newId` names it), and a live def left
 * out is soft-deleted — its values stay in the products' JSON, unshown, until they are saved again.
 */
export async function replaceAttributeDefs(db: DbOrTx, categoryId: string, defs: DefInput[], newId: () => string, now: number): Promise<void> {
  const kept = defs.flatMap((d) => (d.id ? [d.id] : []));
  let gone = db.updateTable('product_attribute_defs').set({ deleted_at: now }).where('category_id', '=', categoryId).where('deleted_at', 'is', null);
  if (kept.length) gone = gone.where('id', 'not in', kept);
  await gone.execute();
  for (const [sort, d] of defs.entries()) {
    const values = { label: d.label, type: d.type satisfies ProductAttributeType, options: JSON.stringify(d.type === 'select' ? d.options : []), sort };
    if (d.id) {
      await db.updateTable('product_attribute_defs').set(values).where('id', '=', d.id).where('category_id', '=', categoryId).execute();
    } else {
      await db.insertInto('product_attribute_defs').values({ ...values, id: newId(), category_id: categoryId, created_at: now }).execute();
    }
  }
}

/** Soft-deletes the category and its template; its products keep their values but lose the category. */
export async function softDeleteCategory(db: DbOrTx, id: string, now: number): Promise<number> {
  const res = await db.updateTable('product_categories').set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) return 0;
  await db.updateTable('product_attribute_defs').set({ deleted_at: now }).where('category_id', '=', id).where('deleted_at', 'is', null).execute();
  await db.updateTable('products').set({ category_id: null, updated_at: now }).where('category_id', '=', id).execute();
  return 1;
}
