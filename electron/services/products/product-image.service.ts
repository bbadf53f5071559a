import type { CallOutput } from '../../../shared/contract/contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { deleteProductImage, insertProductImage, productImageKind, productIsLive, reorderProductImages } from './product-image.queries.ts';
import type { ProductImageStore } from './product-images.ts';

type ImageKeys = 'products.addImage' | 'products.removeImage' | 'products.reorderImages' | 'products.image';

/** Adding, removing, ordering and reading a product's images (product-images.ts keeps the bytes). */
export function createProductImageHandlers(
  deps: ServiceDeps & { images: ProductImageStore; get: (id: string) => Promise<CallOutput<'products.get'>> },
): Pick<Handlers, ImageKeys> {
  const { db, clock, emit, images, get } = deps;
  const changed = () => emit('data.changed', { entities: ['products'] });

  async function liveOrFail(id: string): Promise<void> {
    if (!(await productIsLive(db, id))) fail('notFound', 'products.errors.notFound', { id });
  }

  return {
    'products.addImage': async ({ productId, path }) => {
      await liveOrFail(productId);
      // The bytes are copied before the row is written: a file no row names is harmless, a row without its file is not.
      const image = await images.add(path, 'path');
      await insertProductImage(db, productId, image, clock.now());
      changed();
      return get(productId);
    },
    'products.removeImage': async ({ productId, sha256 }) => {
      await liveOrFail(productId);
      if (await deleteProductImage(db, productId, sha256)) changed();
      return get(productId);
    },
    'products.reorderImages': async ({ productId, sha256s }) => {
      await liveOrFail(productId);
      await db.transaction().execute((trx) => reorderProductImages(trx, productId, sha256s));
      changed();
      return get(productId);
    },
    'products.image': async ({ sha256, size }) => {
      const kind = await productImageKind(db, sha256);
      const bytes = kind ? (size === 'thumb' ? await images.thumbnail(sha256) : images.read(sha256)) : null;
      if (!kind || !bytes) fail('notFound', 'products.errors.imageMissing', { sha256 });
      return { mimeType: size === 'thumb' ? 'image/webp' : kind.mimeType, base64: bytes.toString('base64') };
    },
  };
}
