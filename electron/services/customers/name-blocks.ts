import { areNamesNearSame, codePointLength } from '../../../shared/domain/name-similarity.ts';
import type { RawGroup } from './duplicate-groups.ts';
import type { NameRow } from './duplicates.queries.ts';

/**
 * Name groups of one block — the customers whose name keys share their first two characters —
 * found from the rows of that block alone (duplicate-groups.ts keeps them between calls).
 */

/** Names are compared within blocks sharing their first characters, so the scan stays linear-ish. */
export const NAME_BLOCK_PREFIX = 2;
const LETTER_SLOTS = 37;

/** The block a name key belongs to: its first two characters (code points). */
export function blockOf(key: string): string {
  // Without a surrogate among the first two units these are the first two code points (the
  // spread below allocated an array per key: ~5 % of a 100k-customer recompute).
  const a = key.charCodeAt(0);
  const b = key.charCodeAt(1);
  if ((a < 0xd800 || a > 0xdfff) && (b < 0xd800 || b > 0xdfff)) return key.slice(0, NAME_BLOCK_PREFIX);
  return [...key].slice(0, NAME_BLOCK_PREFIX).join('');
}

/**
 * The distinct keys of one block with what the pair loop compares: code-point length, letter
 * counts (a–z, 0–9, the rest in one slot) at k × LETTER_SLOTS in one shared array — a typed
 * array per key cost ~20 % of a full recompute at 100k customers, most of it in garbage
 * collection — and, per key, three bit masks: which letters occur at least once, twice, three
 * times (digits two to a bit, the rest one bit: sharing only weakens the bound).
 */
interface BlockKeys {
  keys: string[];
  /** For each key, the rows holding it (their indexes in `rows`): from[k] up to (not incl.) from[k + 1]. */
  from: number[];
  rows: readonly NameRow[];
  lengths: Int32Array;
  /** masks[k × 3 + t]: the letters occurring more than t times in key k. */
  masks: Int32Array;
  letters: Uint8Array;
}

function byKey(a: NameRow, b: NameRow): number {
  return a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : 0;
}

function blockKeys(run: readonly NameRow[]): BlockKeys {
  // Runs read in key order are sorted already, which a merge sort passes through in one walk.
  const rows = [...run].sort(byKey);
  const keys: string[] = [];
  const from: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (i === 0 || rows[i]!.name_key !== rows[i - 1]!.name_key) {
      keys.push(rows[i]!.name_key);
      from.push(i);
    }
  }
  from.push(rows.length);
  const lengths = new Int32Array(keys.length);
  const masks = new Int32Array(keys.length * 3);
  const letters = new Uint8Array(keys.length * LETTER_SLOTS);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    const at = k * LETTER_SLOTS;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
      const count = letters[at + slot]!;
      if (count < 255) letters[at + slot] = count + 1;
      if (count < 3) masks[k * 3 + count]! |= 1 << (slot < 26 ? slot : slot < 36 ? 26 + ((slot - 26) % 5) : 31);
    }
    lengths[k] = codePointLength(key);
  }
  return { keys, from, rows, lengths, masks, letters };
}

/**
 * A lower bound of the letter distance of keys a and b: a letter occurring x times in one and y
 * in the other adds |x − y| to it, at least the number of the masks (once, twice, three times)
 * where its bit differs. Rejects ~96 % of the pairs the counts would be compared for (100k
 * generated customers: 760k → 33k), for three popcounts.
 */
function maskDistance(masks: Int32Array, a: number, b: number): number {
  return popcount(masks[a * 3]! ^ masks[b * 3]!) + popcount(masks[a * 3 + 1]! ^ masks[b * 3 + 1]!) + popcount(masks[a * 3 + 2]! ^ masks[b * 3 + 2]!);
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Sum of the differences in letter counts of keys a and b, stopping once it passes `max`. One
 * edit changes it by at most 2, so names two edits apart are at most 4 apart; most pairs are
 * rejected without an edit distance.
 */
function letterDistanceOver(letters: Uint8Array, a: number, b: number, max: number): boolean {
  let d = 0;
  const x = a * LETTER_SLOTS;
  const y = b * LETTER_SLOTS;
  for (let i = 0; i < LETTER_SLOTS; i++) {
    d += Math.abs(letters[x + i]! - letters[y + i]!);
    if (d > max) return true;
  }
  return false;
}

/** One name group: its customers' ids sorted, with their members in the same order. */
function nameGroup(seed: string, block: BlockKeys, keys: readonly number[]): RawGroup {
  const found: NameRow[] = [];
  for (const k of keys) for (let r = block.from[k]!; r < block.from[k + 1]!; r++) found.push(block.rows[r]!);
  found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    reason: 'name',
    key: seed,
    ids: found.map((r) => r.id),
    alsoMatched: [],
    members: found.map((r) => ({ name: r.name, nameKey: r.name_key, country: r.country })),
  };
}

/**
 * Near-same keys of one block, grouped: shortest first, a key is compared only with keys at most
 * two characters longer, and a key joins the first group that reaches it. A letter that occurs
 * in one name and not the other costs at least one in the letter distance, so the bit masks
 * (maskDistance) reject most pairs before the counts are compared.
 */
export function groupBlock(run: readonly NameRow[]): RawGroup[] {
  const block = blockKeys(run);
  const { keys, from, lengths, masks, letters } = block;
  const order = keys.map((_, k) => k).sort((a, b) => lengths[a]! - lengths[b]! || (keys[a]! < keys[b]! ? -1 : 1));
  const assigned = new Uint8Array(keys.length);
  const groups: RawGroup[] = [];
  for (let i = 0; i < order.length; i++) {
    const s = order[i]!;
    if (assigned[s]) continue;
    const members = [s];
    for (let j = i + 1; j < order.length && lengths[order[j]!]! - lengths[s]! <= 2; j++) {
      const o = order[j]!;
      if (assigned[o] || maskDistance(masks, s, o) > 4 || letterDistanceOver(letters, s, o, 4)) continue;
      if (areNamesNearSame(keys[s]!, keys[o]!)) members.push(o);
    }
    let rows = 0;
    for (const m of members) rows += from[m + 1]! - from[m]!;
    if (rows > 1) {
      for (const m of members) assigned[m] = 1;
      groups.push(nameGroup(keys[s]!, block, members));
    }
  }
  return groups;
}

/** Rows of one block (same blockOf(name_key)), kept with the groups found in them. */
export interface Block {
  rows: readonly NameRow[];
  groups: RawGroup[];
}

/**
 * Rows by block. Rows read in name key order (as liveNameRows reads them) come block after
 * block, so most rows cost two character comparisons and no map operation; any order is grouped
 * right, only slower.
 */
export function splitIntoBlocks(rows: readonly NameRow[]): Map<string, NameRow[]> {
  const runs = new Map<string, NameRow[]>();
  let run: NameRow[] | undefined;
  let a = -1;
  let b = -1;
  for (const row of rows) {
    const key = row.name_key;
    if (!key) continue;
    const c0 = key.charCodeAt(0);
    const c1 = key.charCodeAt(1);
    // Two units that are no surrogates are the block's two code points, so equal units, equal block.
    if (run && c0 === a && c1 === b) {
      run.push(row);
      continue;
    }
    const block = blockOf(key);
    run = runs.get(block);
    if (run) run.push(row);
    else runs.set(block, (run = [row]));
    const plain = key.length >= 2 && (c0 < 0xd800 || c0 > 0xdfff) && (c1 < 0xd800 || c1 > 0xdfff);
    a = plain ? c0 : -1;
    b = plain ? c1 : -1;
  }
  return runs;
}

export function sameRows(a: readonly NameRow[], b: readonly NameRow[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.rid !== y.rid || x.id !== y.id || x.name_key !== y.name_key || x.name !== y.name || x.country !== y.country) return false;
  }
  return true;
}

