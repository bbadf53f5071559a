import type SharpModule from 'sharp';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../shared/contract/result.ts';
import { createAttachmentStore, type AttachmentStore } from '../mail/store/attachment-store.ts';


/**
 * sharp (a native library) is loaded on the first image, not with the service: every start of
 * the app and the CLI builds the services, and most never touch a product image.
 */
async function loadSharp(): Promise<typeof SharpModule> {
  return (await import('sharp')).default;
}

/**
 * Product images: the original bytes under their SHA-256 in `product-images/` of the data folder
 * (the attachment store's layout and its crash-safe writes), so the same photo on two products,
 * or imported twice, is one file, and the product does not depend on where the photo was.
 * Lists show a thumbnail: a WebP at most THUMB_PX on its longer side, made by sharp (libvips,
 * prebuilt inside its npm packages) the first time it is asked for and kept beside the originals
 * (`product-images/thumbs/<ab>/<sha256>.webp`), so a list page reads kilobytes, not photos.
 */

/** Phone photos are 3–8 MB; a product shot above this is a scan or a mistake. */
export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
export const THUMB_PX = 160;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const MIME_BY_FORMAT: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', gif: 'image/gif' };

export interface ProductImageStore {
  /** Checks that `file` is a JPEG, PNG, WebP or GIF and keeps a copy; refusals name the file under `field`. */
  add(file: string, field: string): Promise<StoredImage>;
  /** Keeps bytes already read (the import's folder of images); null when they are not an image. */
  addBytes(bytes: Buffer): Promise<Omit<StoredImage, 'fileName'> | null>;
  read(sha256: string): Buffer | null;
  thumbnail(sha256: string): Promise<Buffer | null>;
}

export interface StoredImage {
  sha256: string;
  fileName: string;
  mimeType: string;
  bytes: number;
  width: number | null;
  height: number | null;
}

function refuse(message: string, file: string, field: string): never {
  const params = { file };
  return fail('validation', message, params, [{ path: field, message, params }]);
}

function readChosen(file: string, field: string): Buffer {
  if (!path.isAbsolute(file)) refuse('products.errors.imageNotAbsolute', file, field);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) refuse('products.errors.imageUnreadable', file, field);
  if (stat.size > MAX_IMAGE_BYTES) refuse('products.errors.imageTooLarge', file, field);
  try {
    return fs.readFileSync(file);
  } catch {
    return refuse('products.errors.imageUnreadable', file, field);
  }
}

/** The kind and size from the image's own header; null for anything sharp cannot read as a photo. */
async function probe(bytes: Buffer): Promise<{ mimeType: string; width: number | null; height: number | null } | null> {
  try {
    const sharp = await loadSharp();
    const meta = await sharp(bytes).metadata();
    const mimeType = MIME_BY_FORMAT[meta.format];
    return mimeType ? { mimeType, width: meta.width ?? null, height: meta.height ?? null } : null;
  } catch {
    return null;
  }
}

function writeAtomically(file: string, content: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function createProductImageStore(dataDir: string): ProductImageStore {
  const originals: AttachmentStore = createAttachmentStore(path.join(dataDir, 'product-images'));
  const thumbPath = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(originals.dir, 'thumbs', sha256.slice(0, 2), `${sha256}.webp`);
  };

  async function addBytes(bytes: Buffer): Promise<Omit<StoredImage, 'fileName'> | null> {
    const kind = await probe(bytes);
    if (!kind) return null;
    const { sha256 } = originals.put(bytes);
    return { sha256, bytes: bytes.length, ...kind };
  }

  return {
    addBytes,
    async add(file, field) {
      const stored = await addBytes(readChosen(file, field));
      if (!stored) refuse('products.errors.imageNotImage', file, field);
      return { ...stored, fileName: path.basename(file) };
    },
    read: (sha256) => (SHA256_HEX.test(sha256) && originals.has(sha256) ? originals.read(sha256) : null),
    async thumbnail(sha256) {
      const file = thumbPath(sha256);
      if (fs.existsSync(file)) return fs.readFileSync(file);
      if (!originals.has(sha256)) return null;
      // rotate() applies the photo's EXIF orientation, so a phone's portrait shot stands upright.
      const sharp = await loadSharp();
      const thumb = await sharp(originals.read(sha256)).rotate().resize(THUMB_PX, THUMB_PX, { fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
      writeAtomically(file, thumb);
      return thumb;
    },
  };
}
