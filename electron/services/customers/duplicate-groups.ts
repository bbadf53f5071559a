import { legalFormOf, scoreDuplicateGroup, type DuplicateReasonKind, type GroupConfidence } from '../../../shared/domain/duplicate-confidence.ts';
import { areNamesNearSame } from '../../../shared/domain/name-similarity.ts';
import type { NameRow } from './duplicates.queries.ts';

/**
 * Duplicate groups from the customers' names, email addresses and company domains — pure
 * functions and one index, no SQL (duplicates.queries.ts reads, duplicates.ts serves).
 *
 * Name groups are the costly part (all pairs of name keys within a block), so they are kept
 * between calls in a NameGroupIndex: a block holds the keys sharing their first two characters
 * and its groups depend on nothing else, so after a write only the blocks whose keys changed are
 * grouped again. The index is brought up to date from a full read of the names (the only way to
 * see writes by any path, the CLI's included), and `groupNames(rows)` — a fresh index — is the
 * full recompute the incremental path must equal (test: duplicates.test.ts).
 */

export type Reason = DuplicateReasonKind;


export interface Member {
  name: string;
  nameKey: string;
  country: string | null;
  /**
   * legalFormOf(name), worked out when the customer is first scored and kept: most customers are
   * in no group, and it cost ~12 % of a 100k-customer recompute when worked out for every one.
   */
  legalForm?: string;
}

export interface RawGroup {
  reason: Reason;
  key: string;
  /** Sorted, distinct. */
  ids: readonly string[];
  alsoMatched: readonly Reason[];
}

export type Ranked = RawGroup & GroupConfidence & { id: string };

/** Names are compared within blocks sharing their first characters, so the scan stays linear-ish. */
export const NAME_BLOCK_PREFIX = 2;
/** Customers in one group at most: a merge takes 50 sources, and a bigger group is no one company. */
const MAX_GROUP_SIZE = 51;
const REASON_ORDER: Record<Reason, number> = { email: 0, domain: 1, name: 2 };
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

interface BlockKey {
  key: string;
  length: number;
  letters: Uint8Array;
  /** Which letters occur, a bit each (digits and the rest share bits): a cheaper bound than `letters`. */
  mask: number;
}

/** How often each of a–z and 0–9 occurs (everything else in one slot), and which occur. */
function blockKey(key: string): BlockKey {
  const letters = new Uint8Array(LETTER_SLOTS);
  let mask = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
    letters[slot] = Math.min(255, letters[slot]! + 1);
    // 32 bits: a letter each, digits two to a bit, the rest one bit (sharing only weakens the bound).
    mask |= 1 << (slot < 26 ? slot : slot < 36 ? 26 + ((slot - 26) % 5) : 31);
  }
  return { key, length: [...key].length, letters, mask };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Sum of the differences in letter counts, stopping once it passes `max`. One edit changes it by
 * at most 2, so names two edits apart are at most 4 apart; most pairs are rejected without an
 * edit distance.
 */
function letterDistanceOver(a: Uint8Array, b: Uint8Array, max: number): boolean {
  let d = 0;
  for (let i = 0; i < LETTER_SLOTS; i++) {
    d += Math.abs(a[i]! - b[i]!);
    if (d > max) return true;
  }
  return false;
}

/**
 * Near-same keys of one block, grouped: shortest first, a key is compared only with keys at most
 * two characters longer, and a key joins the first group that reaches it. A letter that occurs
 * in one name and not the other costs at least one in the letter distance, so the bit masks
 * (popcount of their difference) reject most pairs before the counts are compared.
 */
function groupBlock(keys: Iterable<string>, idsByKey: ReadonlyMap<string, readonly string[]>): RawGroup[] {
  const block = [...keys].map(blockKey).sort((a, b) => a.length - b.length || (a.key < b.key ? -1 : 1));
  const assigned = new Uint8Array(block.length);
  const groups: RawGroup[] = [];
  for (let i = 0; i < block.length; i++) {
    if (assigned[i]) continue;
    const seed = block[i]!;
    const members = [i];
    for (let j = i + 1; j < block.length && block[j]!.length - seed.length <= 2; j++) {
      const other = block[j]!;
      if (assigned[j] || popcount(seed.mask ^ other.mask) > 4 || letterDistanceOver(seed.letters, other.letters, 4)) continue;
      if (areNamesNearSame(seed.key, other.key)) members.push(j);
    }
    const ids = members.flatMap((m) => idsByKey.get(block[m]!.key) ?? []);
    if (ids.length > 1) {
      for (const m of members) assigned[m] = 1;
      // Each id has one key, so the ids of distinct keys are distinct already.
      groups.push({ reason: 'name', key: seed.key, ids: ids.sort(), alsoMatched: [] });
    }
  }
  return groups;
}

/**
 * The live customers' names and the name groups they form, kept between calls. `update` brings it
 * to a new read of the names and groups again only the blocks where something changed: a key
 * came or went, or a member's name or country changed (the block's groups are then new objects,
 * so their cached scores are not used: see DuplicateRanking).
 */
export class NameGroupIndex {
  private readonly indexed = new Map<string, Member>();
  private readonly idsByKey = new Map<string, string[]>();
  private readonly keysByBlock = new Map<string, Set<string>>();
  private readonly groupsByBlock = new Map<string, RawGroup[]>();
  /** The rows of the last update, in row id order. */
  private last: readonly NameRow[] = [];

  get members(): ReadonlyMap<string, Member> {
    return this.indexed;
  }

  /**
   * Brings the index to `rows` (every live customer, in row id order); returns how many blocks
   * were grouped again. The rows are walked beside the last update's by row id, so an unchanged
   * customer costs a few comparisons and no map operation (looking up 100k ids in maps was ~40 %
   * of a call after a write at 100,000 customers).
   */
  update(rows: readonly NameRow[]): number {
    const dirty = new Set<string>();
    const last = this.last;
    const added: NameRow[] = [];
    let j = 0;
    for (const row of rows) {
      while (j < last.length && last[j]!.rid < row.rid) this.remove(last[j++]!, dirty);
      const old = j < last.length && last[j]!.rid === row.rid ? last[j++]! : undefined;
      if (old && old.id === row.id && old.name_key === row.name_key && old.name === row.name && old.country === row.country) continue;
      if (old) this.remove(old, dirty);
      added.push(row);
    }
    while (j < last.length) this.remove(last[j++]!, dirty);
    // Added after every removal, so an id that moved to another row id is removed, then added.
    for (const row of added) this.add(row, dirty);
    this.last = rows;
    for (const block of dirty) {
      const keys = this.keysByBlock.get(block);
      if (keys && keys.size > 0) this.groupsByBlock.set(block, groupBlock(keys, this.idsByKey));
      else {
        this.keysByBlock.delete(block);
        this.groupsByBlock.delete(block);
      }
    }
    return dirty.size;
  }

  /** Every name group, block by block. */
  groups(): RawGroup[] {
    return [...this.groupsByBlock.values()].flat();
  }

  private add(row: NameRow, dirty: Set<string>): void {
    this.indexed.set(row.id, { name: row.name, nameKey: row.name_key, country: row.country });
    const key = row.name_key;
    if (!key) return;
    const block = blockOf(key);
    dirty.add(block);
    const ids = this.idsByKey.get(key);
    if (ids) ids.push(row.id);
    else {
      this.idsByKey.set(key, [row.id]);
      const keys = this.keysByBlock.get(block);
      if (keys) keys.add(key);
      else this.keysByBlock.set(block, new Set([key]));
    }
  }

  private remove(row: NameRow, dirty: Set<string>): void {
    this.indexed.delete(row.id);
    const key = row.name_key;
    if (!key) return;
    const block = blockOf(key);
    dirty.add(block);
    const ids = this.idsByKey.get(key);
    if (!ids) return;
    const at = ids.indexOf(row.id);
    if (at >= 0) ids.splice(at, 1);
    if (ids.length === 0) {
      this.idsByKey.delete(key);
      this.keysByBlock.get(block)?.delete(key);
    }
  }
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Groups of customers sharing one value, from "key → comma-separated ids" rows. */
export function sharedValueGroups(reason: Reason, rows: ReadonlyArray<{ key: string; ids: string }>): RawGroup[] {
  return rows.map((r) => ({ reason, key: r.key, ids: [...new Set(r.ids.split(','))].sort(), alsoMatched: [] }));
}

/**
 * Groups that found exactly the same customers for several reasons, as one group under its
 * strongest reason carrying the others. Name groups never share customers with each other, so
 * only sets that an email or domain group also has are joined into strings and compared.
 */
function mergeSameSets(raw: readonly RawGroup[]): RawGroup[] {
  const bySet = new Map<string, RawGroup>();
  const shared = new Set<string>();
  for (const g of raw) if (g.reason !== 'name') shared.add(`${g.ids.length}:${g.ids[0]}`);
  const out: RawGroup[] = [];
  for (const g of raw) {
    if (g.reason === 'name' && !shared.has(`${g.ids.length}:${g.ids[0]}`)) {
      out.push(g);
      continue;
    }
    const setKey = g.ids.join(',');
    const known = bySet.get(setKey);
    if (!known) bySet.set(setKey, g);
    else if (REASON_ORDER[g.reason] < REASON_ORDER[known.reason]) {
      bySet.set(setKey, { ...g, alsoMatched: [...new Set([...g.alsoMatched, known.reason, ...known.alsoMatched])] });
    } else if (g.reason !== known.reason && !known.alsoMatched.includes(g.reason)) {
      bySet.set(setKey, { ...known, alsoMatched: [...known.alsoMatched, g.reason] });
    }
  }
  return [...bySet.values(), ...out];
}

/** One group scored, after leaving out customers whose every pair in it was dismissed; null when fewer than two remain. */
function scoreGroup(g: RawGroup, members: ReadonlyMap<string, Member>, dismissed: ReadonlySet<string>): Ranked | null {
  let ids = g.ids;
  if (dismissed.size > 0) {
    ids = ids.filter((a) => ids.some((b) => a !== b && !dismissed.has(pairKey(a, b))));
    if (ids.length < 2) return null;
  }
  ids = ids.slice(0, MAX_GROUP_SIZE);
  const group: Member[] = [];
  for (const id of ids) {
    const m = members.get(id);
    if (!m) continue;
    m.legalForm ??= legalFormOf(m.name);
    group.push(m);
  }
  const first = group[0]?.nameKey ?? '';
  const namesNear = g.reason === 'name' || group.every((m) => areNamesNearSame(first, m.nameKey));
  const confidence = scoreDuplicateGroup({ reason: g.reason, alsoMatched: g.alsoMatched, members: group, namesNear });
  return { ...g, ids, ...confidence, id: `${g.reason}:${g.key}:${ids.join(',')}` };
}

const NO_DISMISSALS: ReadonlySet<string> = new Set();

/**
 * Scores kept between calls, by group object: a name group from a block that was not grouped
 * again is the same object with the same members, so its score still holds — unless one of its
 * customers is in a dismissed pair (those few are scored each time, dismissals applied).
 */
export class DuplicateRanking {
  private scores = new WeakMap<RawGroup, Ranked | null>();

  /**
   * Every group, merged, filtered by dismissals, scored and sorted: the same customers found for
   * several reasons become one group under its strongest reason, carrying the others as signals;
   * a group keeps only customers with a pair not dismissed.
   */
  rank(raw: readonly RawGroup[], members: ReadonlyMap<string, Member>, dismissed: ReadonlySet<string>): Ranked[] {
    const inDismissal = new Set<string>();
    for (const pair of dismissed) for (const id of pair.split('|')) inDismissal.add(id);
    const scored: Ranked[] = [];
    for (const g of mergeSameSets(raw)) {
      let ranked: Ranked | null | undefined;
      if (g.ids.some((id) => inDismissal.has(id))) ranked = scoreGroup(g, members, dismissed);
      else {
        ranked = this.scores.get(g);
        if (ranked === undefined) {
          ranked = scoreGroup(g, members, NO_DISMISSALS);
          this.scores.set(g, ranked);
        }
      }
      if (ranked) scored.push(ranked);
    }
    // Most certain first; then by reason, key and members, so pages never shuffle between calls.
    scored.sort((a, b) => b.score - a.score || REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.id < b.id ? -1 : 1));
    return scored;
  }
}
