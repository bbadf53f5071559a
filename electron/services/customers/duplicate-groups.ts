import { legalFormOf, scoreDuplicateGroup, type DuplicateReasonKind, type GroupConfidence } from '../../../shared/domain/duplicate-confidence.ts';
import { areNamesNearSame } from '../../../shared/domain/name-similarity.ts';
import { groupBlock, sameRows, splitIntoBlocks, type Block } from './name-blocks.ts';
import type { NameRow } from './duplicates.queries.ts';

/**
 * Duplicate groups from the customers' names, email addresses and company domains — pure
 * functions and one index, no SQL (duplicates.queries.ts reads, duplicates.ts serves).
 *
 * Name groups are the costly part (all pairs of name keys within a block), so they are kept
 * between calls in a NameGroupIndex: a block holds the keys sharing their first two characters
 * and its groups depend on nothing else, so after a write only the blocks whose keys changed are
 * grouped again. The index is brought up to date from a full read of the names (the only way to
 * see writes by any path, the CLI's included); a fresh index is the full recompute the kept one
 * must equal (tests: duplicate-groups.test.ts, duplicates.test.ts).
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
  /** The customers of `ids`, in the same order: name groups carry them, the others are looked up when scored. */
  members?: readonly Member[];
}

export type Ranked = Omit<RawGroup, 'members'> & GroupConfidence & { id: string };

/** Customers in one group at most: a merge takes 50 sources, and a bigger group is no one company. */
const MAX_GROUP_SIZE = 51;
const REASON_ORDER: Record<Reason, number> = { email: 0, domain: 1, name: 2 };

/** Where scoring finds the name and country of the customers of groups found by email or domain. */
export interface MemberSource {
  membersOf(ids: ReadonlySet<string>): ReadonlyMap<string, Member>;
}

/**
 * The live customers' names and the name groups they form, kept between calls. `update` brings it
 * to a new read of the names and groups again only the blocks where something changed: a key
 * came or went, or a member's name or country changed (the block's groups are then new objects,
 * so their cached scores are not used: see DuplicateRanking).
 */
export class NameGroupIndex implements MemberSource {
  private blocks = new Map<string, Block>();
  /** The rows of the last update. */
  private rows: readonly NameRow[] = [];

  /**
   * Brings the index to `rows` (every live customer); returns how many blocks were grouped again
   * or dropped. Each block's rows are compared with its rows of the last update, in order, so an
   * unchanged block costs a few comparisons per customer and no map operation per customer.
   */
  update(rows: readonly NameRow[]): number {
    return runSteps(this.updateSteps(rows));
  }

  /** update(), a step per block grouped: the caller may give way between steps (see Pause). */
  *updateSteps(rows: readonly NameRow[]): Generator<void, number> {
    const next = new Map<string, Block>();
    let changed = 0;
    for (const [name, run] of splitIntoBlocks(rows)) {
      const old = this.blocks.get(name);
      if (old && sameRows(old.rows, run)) next.set(name, old);
      else {
        next.set(name, { rows: run, groups: groupBlock(run) });
        changed++;
        yield;
      }
    }
    for (const name of this.blocks.keys()) if (!next.has(name)) changed++;
    // Swapped in at the end only: an update given up half-way leaves the index as it was.
    this.blocks = next;
    this.rows = rows;
    return changed;
  }

  /** Every name group, block by block. */
  groups(): RawGroup[] {
    const all: RawGroup[] = [];
    for (const block of this.blocks.values()) for (const g of block.groups) all.push(g);
    return all;
  }

  /** Name, key and country of these customers (those in the last update), by id. */
  membersOf(ids: ReadonlySet<string>): Map<string, Member> {
    const found = new Map<string, Member>();
    if (ids.size === 0) return found;
    for (const r of this.rows) if (ids.has(r.id)) found.set(r.id, { name: r.name, nameKey: r.name_key, country: r.country });
    return found;
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
  if (shared.size === 0) return [...raw];
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
function scoreGroup(g: RawGroup, found: ReadonlyMap<string, Member>, dismissed: ReadonlySet<string>): Ranked | null {
  let ids = g.ids;
  let members: ReadonlyArray<Member | undefined> = g.members ?? ids.map((id) => found.get(id));
  if (dismissed.size > 0) {
    const all = ids;
    const keep = all.map((a) => all.some((b) => a !== b && !dismissed.has(pairKey(a, b))));
    ids = all.filter((_, i) => keep[i]);
    members = members.filter((_, i) => keep[i]);
    if (ids.length < 2) return null;
  }
  if (ids.length > MAX_GROUP_SIZE) {
    ids = ids.slice(0, MAX_GROUP_SIZE);
    members = members.slice(0, MAX_GROUP_SIZE);
  }
  const group: Member[] = [];
  for (const m of members) {
    if (!m) continue;
    m.legalForm ??= legalFormOf(m.name);
    group.push(m);
  }
  const first = group[0]?.nameKey ?? '';
  const namesNear = g.reason === 'name' || group.every((m) => areNamesNearSame(first, m.nameKey));
  const confidence = scoreDuplicateGroup({ reason: g.reason, alsoMatched: g.alsoMatched, members: group, namesNear });
  return { reason: g.reason, key: g.key, ids, alsoMatched: g.alsoMatched, ...confidence, id: `${g.reason}:${g.key}:${ids.join(',')}` };
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
  rank(raw: readonly RawGroup[], source: MemberSource, dismissed: ReadonlySet<string>): Ranked[] {
    return runSteps(this.rankSteps(raw, source, dismissed));
  }

  /** rank(), a step per RANK_STEP groups scored: the caller may give way between steps (see Pause). */
  *rankSteps(raw: readonly RawGroup[], source: MemberSource, dismissed: ReadonlySet<string>): Generator<void, Ranked[]> {
    const inDismissal = new Set<string>();
    for (const pair of dismissed) for (const id of pair.split('|')) inDismissal.add(id);
    const merged = mergeSameSets(raw);
    // Groups found by email or domain carry no members: their customers are looked up at once.
    const wanted = new Set<string>();
    for (const g of merged) if (!g.members) for (const id of g.ids) wanted.add(id);
    const found = source.membersOf(wanted);
    const scored: Ranked[] = [];
    for (let i = 0; i < merged.length; i++) {
      const g = merged[i]!;
      let ranked: Ranked | null | undefined;
      if (inDismissal.size > 0 && g.ids.some((id) => inDismissal.has(id))) ranked = scoreGroup(g, found, dismissed);
      else {
        ranked = this.scores.get(g);
        if (ranked === undefined) {
          ranked = scoreGroup(g, found, NO_DISMISSALS);
          this.scores.set(g, ranked);
        }
      }
      if (ranked) scored.push(ranked);
      if (i % RANK_STEP === RANK_STEP - 1) yield;
    }
    // Most certain first; then by reason, key and members, so pages never shuffle between calls.
    scored.sort((a, b) => b.score - a.score || REASON_ORDER[a.reason] - REASON_ORDER[b.reason] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) || (a.id < b.id ? -1 : 1));
    return scored;
  }
}

/** Groups scored per step of rankSteps: ~5–10 ms of work at 100k customers. */
const RANK_STEP = 500;

/** Runs a computation given as steps to its end at once. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Called between steps; resolves when the computation may go on. A pause that gives way to the
 * event loop now and then keeps a long recompute from holding up other calls.
 */
export type Pause = () => Promise<void>;

/** Runs a computation given as steps to its end, calling `pause` between steps. */
export async function runStepsWithPauses<T>(steps: Generator<void, T>, pause: Pause): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}
