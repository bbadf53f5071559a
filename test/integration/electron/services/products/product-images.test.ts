import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { createTempCore, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';
import { writePhoto } from '../../../../helpers/product-photos.ts';

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});
const folder = tempFolders('tf-product-images-');

describe('product images', () => {
  it('stores an image by its hash, shows a small thumbnail, reorders and removes', async () => {
    const app = await createTempCore();
    cores.push(app);
    const dir = folder();
    const product = await app.call('products.create', { model: 'BV-100' });
    const big = await writePhoto(path.join(dir, 'front.jpg'), 2400, 1800);
    const side = await writePhoto(path.join(dir, 'side.png'), 300, 200, 'png');

    const withOne = await app.call('products.addImage', { productId: product.id, path: big });
    const [front] = withOne.images;
    expect(front).toMatchObject({ fileName: 'front.jpg', mimeType: 'image/jpeg', width: 2400, height: 1800, bytes: fs.statSync(big).size });
    expect(withOne.thumbnail).toBe(front?.sha256);
    expect(fs.existsSync(path.join(app.dataDir, 'product-images', front!.sha256.slice(0, 2), front!.sha256))).toBe(true);
    // The same file again is the same image, not a second one.
    expect((await app.call('products.addImage', { productId: product.id, path: big })).images).toHaveLength(1);

    const started = performance.now();
    const thumb = await app.call('products.image', { sha256: front!.sha256, size: 'thumb' });
    const thumbMs = performance.now() - started;
    const meta = await sharp(Buffer.from(thumb.base64, 'base64')).metadata();
    expect([thumb.mimeType, meta.format, meta.width, meta.height]).toEqual(['image/webp', 'webp', 160, 120]);
    console.log(`thumbnail of a ${fs.statSync(big).size} byte 2400×1800 JPEG: ${thumbMs.toFixed(0)} ms, ${Buffer.from(thumb.base64, 'base64').length} bytes`);
    const full = await app.call('products.image', { sha256: front!.sha256, size: 'full' });
    expect(Buffer.from(full.base64, 'base64').equals(fs.readFileSync(big))).toBe(true);

    const two = await app.call('products.addImage', { productId: product.id, path: side });
    const sideSha = two.images[1]!.sha256;
    const reordered = await app.call('products.reorderImages', { productId: product.id, sha256s: [sideSha] });
    expect(reordered.images.map((i) => i.fileName)).toEqual(['side.png', 'front.jpg']);
    expect((await app.call('products.list', { offset: 0, limit: 5 })).rows[0]?.thumbnail).toBe(sideSha);

    const removed = await app.call('products.removeImage', { productId: product.id, sha256: sideSha });
    expect(removed.images.map((i) => i.fileName)).toEqual(['front.jpg']);
    // Only a hash some product holds is served.
    expect((await app.fail('products.image', { sha256: sideSha, size: 'full' })).code).toBe('notFound');
    expect((await app.fail('products.image', { sha256: '../../tradefolio.sqlite', size: 'full' })).code).toBe('validation');
  });

  it('refuses what is not an image file, naming it', async () => {
    const app = await createTempCore();
    cores.push(app);
    const dir = folder();
    const product = await app.call('products.create', { model: 'BV-100' });
    const text = path.join(dir, 'notes.jpg');
    fs.writeFileSync(text, 'not a picture');
    expect(await app.fail('products.addImage', { productId: product.id, path: text })).toMatchObject({
      message: 'products.errors.imageNotImage',
      fieldErrors: [{ path: 'path', message: 'products.errors.imageNotImage', params: { file: text } }],
    });
    expect((await app.fail('products.addImage', { productId: product.id, path: 'photos/a.jpg' })).message).toBe('products.errors.imageNotAbsolute');
    expect((await app.fail('products.addImage', { productId: product.id, path: path.join(dir, 'missing.jpg') })).message).toBe('products.errors.imageUnreadable');
    expect((await app.fail('products.addImage', { productId: product.id, path: dir })).message).toBe('products.errors.imageUnreadable');
  });
});
