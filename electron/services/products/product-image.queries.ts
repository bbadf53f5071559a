import type { DbOrTx } from '../../../db/database.ts';
import type { StoredImage } from './product-images.ts';

/** Adds the image last among the product's images; an image the product has already stays where it is (false). */
export async function insertProductImage(db: DbOrTx, productId: string, image: StoredImage, now: number): Promise<boolean> {
  const last = await db
    .selectFrom('product_images')
    .select((eb) => eb.fn.max<number | null>('sort').as('sort'))
    .where('product_id', '=', productId)
    .executeTakeFirst();
  const res = await db
    .insertInto('product_images')
    .values({
      product_id: productId,
      sha256: image.sha256,
      file_name: image.fileName,
      mime_type: image.mimeType,
      bytes: image.bytes,
      width: image.width,
      height: image.height,
      sort: (last?.sort ?? -1) + 1,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['product_id', 'sha256']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteProductImage(db: DbOrTx, productId: string, sha256: string): Promise<number> {
  const res = await db.deleteFrom('product_images').where('product_id', '=', productId).where('sha256', '=', sha256).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** Puts the named images first, in this order; images left unnamed keep their order after them. */
export async function reorderProductImages(db: DbOrTx, productId: string, sha256s: readonly string[]): Promise<void> {
  const rows = await db.selectFrom('product_images').select('sha256').where('product_id', '=', productId).orderBy('sort').orderBy('created_at').execute();
  const named = sha256s.filter((s, i) => sha256s.indexOf(s) === i && rows.some((r) => r.sha256 === s));
  const order = [...named, ...rows.map((r) => r.sha256).filter((s) => !named.includes(s))];
  for (const [sort, sha256] of order.entries()) {
    await db.updateTable('product_images').set({ sort }).where('product_id', '=', productId).where('sha256', '=', sha256).execute();
  }
}

/** The stored kind of an image some product holds; undefined for a hash no product holds. */
export async function productImageKind(db: DbOrTx, sha256: string): Promise<{ mimeType: string } | undefined> {
  const row = await db.selectFrom('product_images').select('mime_type').where('sha256', '=', sha256).limit(1).executeTakeFirst();
  return row ? { mimeType: row.mime_type } : undefined;
}

export async function productIsLive(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.selectFrom('products').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}
