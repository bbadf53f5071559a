import { describe, expect, it } from 'vitest';
import { newId } from '../../../../../electron/services/core/ids.ts';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('makes UUIDv7s that are unique and sort in the order they were made, many per millisecond', () => {
    const ids = Array.from({ length: 50_000 }, () => newId());
    expect(ids.every((id) => UUID_V7.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) if (!(ids[i - 1]! < ids[i]!)) throw new Error(`id ${i} sorts before the one made before it: ${ids[i - 1]} ${ids[i]}`);
    // The time prefix is now's: ids stay comparable with those of other processes.
    const msecs = parseInt(ids.at(-1)!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(msecs - Date.now())).toBeLessThan(5_000);
  });
});
