import sharp from 'sharp';

/**
 * A photo-like JPEG or PNG of the given size written to `file`: a pattern of varied bytes, so it
 * compresses about as badly as a real product shot.
 */
export async function writePhoto(file: string, width: number, height: number, format: 'jpeg' | 'png' = 'jpeg'): Promise<string> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i >> 5) * 31) & 0xff;
  const image = sharp(pixels, { raw: { width, height, channels: 3 } });
  await (format === 'jpeg' ? image.jpeg({ quality: 85 }) : image.png()).toFile(file);
  return file;
}
