import { sql } from 'kysely';
import type { Db, DbOrTx } from '../../../db/database.ts';
import type { ProductsTable } from '../../../db/tables/quotes.tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import { productModelKey } from '../../../shared/domain/product-model.ts';

type Query = ParsedInput<'products.list'>;
type Fields = ParsedInput<'products.create'>;
type ProductOut = CallOutput<'products.get'>;
type RowOut = CallOutput<'products.list'>['rows'][number];
type Columns = Omit<ProductsTable, 'rid' | 'id' | 'created_at' | 'updated_at' | 'deleted_at'>;

/** The first image by its order: the list's thumbnail. */
const thumbnail = sql<string | null>`(SELECT i.sha256 FROM product_images i WHERE i.product_id = p.id ORDER BY i.sort, i.created_at LIMIT 1)`;

/** `%` and `_` typed by the user match themselves. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of live products by model. A model matches by its key's prefix, so "ab 10" and
 * "AB-10" both find "AB-100" through the live model_key index; names match anywhere (LIKE is
 * case-blind for Latin letters, and Chinese has no case).
 */
export async function listProducts(db: Db, q: Query): Promise<CallOutput<'products.list'>> {
  let base = db.selectFrom('products as p').where('p.deleted_at', 'is', null);
  if (q.categoryId) base = base.where('p.category_id', '=', q.categoryId);
  if (q.query) {
    const key = productModelKey(q.query);
    const like = likeText(q.query);
    base = base.where((eb) =>
      eb.or([
        ...(key ? [eb.and([eb('p.model_key', '>=', key), eb('p.model_key', '<', `${key}\u{10FFFF}`)])] : []),
        sql<boolean>`p.name_en LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`p.name_zh LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    base
      .select(['p.id', 'p.model', 'p.name_en', 'p.name_zh', 'p.category_id', 'p.unit', 'p.list_price_e4', 'p.list_currency', 'p.cost_e4', 'p.cost_currency'])
      .select(thumbnail.as('thumbnail'))
      .orderBy('p.model_key')
      .limit(q.limit)
      .offset(q.offset)
      .execute(),
  ]);
  return { total: Number(count.n), rows: rows.map(toRow) };
}

function toRow(r: {
  id: string;
  model: string;
  name_en: string | null;
  name_zh: string | null;
  category_id: string | null;
  unit: string | null;
  list_price_e4: number | null;
  list_currency: string | null;
  cost_e4: number | null;
  cost_currency: string | null;
  thumbnail: string | null;
}): RowOut {
  return {
    id: r.id,
    model: r.model,
    nameEn: r.name_en,
    nameZh: r.name_zh,
    categoryId: r.category_id,
    unit: r.unit,
    listPriceE4: r.list_price_e4,
    listCurrency: r.list_currency,
    costE4: r.cost_e4,
    costCurrency: r.cost_currency,
    thumbnail: r.thumbnail,
  };
}

/** One product with its images, deleted ones too; undefined when there is no such id. */
export async function getProduct(db: DbOrTx, id: string): Promise<ProductOut | undefined> {
  const p = await db.selectFrom('products as p').selectAll('p').select(thumbnail.as('thumbnail')).where('p.id', '=', id).executeTakeFirst();
  if (!p) return undefined;
  const images = await db.selectFrom('product_images').selectAll().where('product_id', '=', id).orderBy('sort').orderBy('created_at').execute();
  return {
    ...toRow(p),
    specs: p.specs,
    attributes: JSON.parse(p.attributes) as ProductOut['attributes'],
    unitsPerCarton: p.units_per_carton,
    cartonLengthCm: p.carton_length_cm,
    cartonWidthCm: p.carton_width_cm,
    cartonHeightCm: p.carton_height_cm,
    grossWeightKg: p.gross_weight_kg,
    netWeightKg: p.net_weight_kg,
    notes: p.notes,
    images: images.map((i) => ({ sha256: i.sha256, fileName: i.file_name, mimeType: i.mime_type, bytes: i.bytes, width: i.width, height: i.height })),
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    deletedAt: p.deleted_at,
  };
}

/** The live product holding this model's key, if any (another than `exceptId`). */
export async function liveProductByModel(db: DbOrTx, model: string, exceptId?: string): Promise<{ id: string; model: string } | undefined> {
  let q = db.selectFrom('products').select(['id', 'model']).where('model_key', '=', productModelKey(model)).where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** The input as columns; attributes are already checked against the category's template. */
export function productColumns(input: Fields): Columns {
  return {
    model: input.model,
    model_key: productModelKey(input.model),
    name_en: input.nameEn,
    name_zh: input.nameZh,
    category_id: input.categoryId,
    specs: input.specs,
    attributes: JSON.stringify(input.attributes),
    units_per_carton: input.unitsPerCarton,
    carton_length_cm: input.cartonLengthCm,
    carton_width_cm: input.cartonWidthCm,
    carton_height_cm: input.cartonHeightCm,
    gross_weight_kg: input.grossWeightKg,
    net_weight_kg: input.netWeightKg,
    cost_e4: input.costE4,
    cost_currency: input.costCurrency,
    list_price_e4: input.listPriceE4,
    list_currency: input.listCurrency,
    unit: input.unit,
    notes: input.notes,
  };
}

export async function insertProduct(db: DbOrTx, columns: Columns, id: string, now: number): Promise<void> {
  await db.insertInto('products').values({ ...columns, id, created_at: now, updated_at: now }).execute();
}

/** Returns how many live products changed: 0 when there is no such live product. */
export async function updateProduct(db: DbOrTx, id: string, columns: Columns, now: number): Promise<number> {
  const res = await db.updateTable('products').set({ ...columns, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function softDeleteProduct(db: DbOrTx, id: string, now: number): Promise<number> {
  const res = await db.updateTable('products').set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
