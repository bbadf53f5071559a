import fs from 'node:fs';
import path from 'node:path';

/**
 * Fills the file system holding `dir` (a small tmpfs from mounts.ts) to the last byte with a
 * filler file, so the next write that needs space meets a real ENOSPC. `free()` deletes it.
 */
export function fillDisk(dir: string): { free(): void } {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'a');
  try {
    // Big chunks first, then smaller ones, so the last free byte is used too.
    for (const size of [256 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x5a);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return { free: () => fs.rmSync(filler, { force: true }) };
}
