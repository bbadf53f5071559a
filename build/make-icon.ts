import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Draws the app icon (build/icons/icon.png, 1024×1024 RGBA) without an image library: a
 * rounded blue square with a white customer folder and a rising line. electron-builder
 * derives the .ico and .icns from it. Run `node build/make-icon.ts` after changing it and
 * commit the PNG.
 */

const SIZE = 1024;

type Rgba = [number, number, number, number];

/** Coverage of a rounded rectangle at (x, y), antialiased over one pixel. */
function roundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): number {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  const d = Math.hypot(x - cx, y - cy) - radius;
  const inside = x >= left && x <= right && y >= top && y <= bottom ? 1 : 0;
  if (!inside) return 0;
  return Math.min(1, Math.max(0, 0.5 - d));
}

/** Coverage of a thick line segment from (x1, y1) to (x2, y2). */
function segment(x: number, y: number, x1: number, y1: number, x2: number, y2: number, width: number): number {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.min(1, Math.max(0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  const d = Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) - width / 2;
  return Math.min(1, Math.max(0, 0.5 - d));
}

function over(base: Rgba, color: Rgba, coverage: number): Rgba {
  const a = (color[3] / 255) * coverage;
  return [
    base[0] * (1 - a) + color[0] * a,
    base[1] * (1 - a) + color[1] * a,
    base[2] * (1 - a) + color[2] * a,
    Math.min(255, base[3] + 255 * a * (1 - base[3] / 255)),
  ];
}

function pixel(x: number, y: number): Rgba {
  let p: Rgba = [0, 0, 0, 0];
  // Background: a rounded square, blue getting darker towards the bottom.
  const bg = roundedRect(x, y, 64, 64, 960, 960, 200);
  const t = y / SIZE;
  p = over(p, [Math.round(24 + 10 * (1 - t)), Math.round(92 + 60 * (1 - t)), Math.round(190 + 50 * (1 - t)), 255], bg);
  // Folder: tab plus body, white.
  const white: Rgba = [255, 255, 255, 255];
  p = over(p, white, roundedRect(x, y, 220, 300, 500, 460, 40) * bg);
  p = over(p, white, roundedRect(x, y, 220, 360, 804, 760, 48) * bg);
  // A rising line on the folder: follow-ups that pay off.
  const line: Rgba = [30, 110, 220, 255];
  const points: [number, number][] = [[300, 660], [440, 560], [560, 610], [724, 460]];
  let c = 0;
  for (let i = 0; i < points.length - 1; i++) c = Math.max(c, segment(x, y, ...points[i]!, ...points[i + 1]!, 44));
  p = over(p, line, c * bg);
  return p;
}

function crc32(data: Buffer): number {
  return zlib.crc32(data);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

export function renderIconPng(): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < SIZE; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      const o = row + 1 + x * 4;
      raw[o] = Math.round(r);
      raw[o + 1] = Math.round(g);
      raw[o + 2] = Math.round(b);
      raw[o + 3] = Math.round(a);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (import.meta.main) {
  const out = path.join(import.meta.dirname, 'icons', 'icon.png');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, renderIconPng());
  console.log(`wrote ${out}`);
}
