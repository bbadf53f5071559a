import { describe, expect, it } from 'vitest';
import { DuplicateRanking, NameGroupIndex, runSteps, type RawGroup } from '../../../../../electron/services/customers/duplicate-groups.ts';
import { blockOf } from '../../../../../electron/services/customers/name-blocks.ts';
import type { NameRow } from '../../../../../electron/services/customers/duplicates.queries.ts';
import { areNamesNearSame, codePointLength, normalizeCompanyName } from '../../../../../shared/domain/name-similarity.ts';
import { prng } from '../../../../fixtures/customer-fixtures.ts';

/** Names that collide often: few words, typos, legal forms, one block prefix for many ("atlas…"). */
const WORDS = ['Atlas', 'Atlaz', 'Atlas Nordic', 'Atlas Nordik', 'Nordic', 'Orion', 'Orion Lamps', 'Orion Lampz', 'Oslo Marine', 'Oslo Marina', '明华', '明华灯饰', 'X'];
const TAILS = ['', ' Lighting', ' Lightning', ' Home Goods', ' Home Good'];
const LEGAL = ['', ' Ltd', ' GmbH', ' B.V.', ' S.A.'];
const COUNTRIES = [null, 'DE', 'NL', 'CN'];

function randomRow(rnd: () => number, rid: number): NameRow {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const name = `${pick(WORDS)}${pick(TAILS)}${pick(LEGAL)}`;
  return { rid, id: `c${String(rid).padStart(4, '0')}`, name, name_key: normalizeCompanyName(name), country: pick(COUNTRIES) };
}

/** Groups in one order whatever the order they were found in. */
function normalized(groups: readonly RawGroup[]): string[] {
  return groups.map((g) => `${g.reason}:${g.key}:${g.ids.join(',')}`).sort();
}

describe('NameGroupIndex: grouping only the blocks that changed equals grouping everything', () => {
  it('after every kind of change, in 300 random steps', () => {
    const rnd = prng(11);
    let rows = Array.from({ length: 120 }, (_, i) => randomRow(rnd, i + 1));
    let next = rows.length + 1;
    const trash: NameRow[] = [];
    const kept = new NameGroupIndex();
    const ranking = new DuplicateRanking();
    kept.update(rows);
    for (let step = 0; step < 300; step++) {
      const change = Math.floor(rnd() * 7);
      const at = Math.floor(rnd() * rows.length);
      if (change === 0) rows = [...rows, randomRow(rnd, next++)]; // a new customer
      else if (change === 1) {
        trash.push(rows[at]!); // deleted (or merged away)
        rows = rows.filter((_, i) => i !== at);
      }
      else if (change === 2 && trash.length > 0) rows = [...rows, trash.pop()!].sort((a, b) => a.rid - b.rid); // restored
      else if (change === 3) rows = rows.map((r, i) => (i === at ? { ...randomRow(rnd, r.rid), country: r.country } : r)); // renamed
      else if (change === 4) rows = rows.map((r, i) => (i === at ? { ...r, country: COUNTRIES[Math.floor(rnd() * COUNTRIES.length)]! } : r)); // moved
      else if (change === 5) rows = rows.map((r, i) => (i === at ? { ...randomRow(rnd, r.rid), id: `n${step}` } : r)); // erased; its row id reused
      else rows = rows.map((r) => ({ ...r })); // read again, nothing changed
      kept.update(rows);
      const fresh = new NameGroupIndex();
      fresh.update(rows);
      expect(normalized(kept.groups()), `step ${step}`).toEqual(normalized(fresh.groups()));
      // Scores kept between calls equal scores worked out afresh (a country change re-scores its group).
      const dismissed = new Set<string>();
      expect(ranking.rank(kept.groups(), kept, dismissed), `step ${step}`).toEqual(new DuplicateRanking().rank(fresh.groups(), fresh, dismissed));
    }
    expect(kept.groups().length).toBeGreaterThan(5);
  });

  it('groups again only the blocks a change touches', () => {
    const rows: NameRow[] = ['Atlas Lighting Ltd', 'Atlas Lightning GmbH', 'Orion Lamps', 'Orion Lampz GmbH'].map((name, i) => ({ rid: i + 1, id: `c${i}`, name, name_key: normalizeCompanyName(name), country: 'DE' }));
    const index = new NameGroupIndex();
    expect(index.update(rows)).toBe(2);
    expect(index.update(rows)).toBe(0);
    const before = index.groups();
    // A new "Orion" customer touches the "or" block only: the "at" group is the same object.
    expect(index.update([...rows, { rid: 10, id: 'c9', name: 'Orion Lamps AB', name_key: normalizeCompanyName('Orion Lamps AB'), country: 'SE' }])).toBe(1);
    const atlas = index.groups().find((g) => g.key.startsWith('atlas'));
    expect(atlas).toBe(before.find((g) => g.key.startsWith('atlas')));
    expect(index.groups().find((g) => g.key.startsWith('orion'))?.ids).toEqual(['c2', 'c3', 'c9']);
  });
});

/** Rows sorted as liveNameRows reads them: by name key, then id. */
function byKeyAndId(rows: readonly NameRow[]): NameRow[] {
  return [...rows].sort((a, b) => (a.name_key < b.name_key ? -1 : a.name_key > b.name_key ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The grouping rule as the module states it, with no shortcut: per block, distinct keys shortest
 * first, each key not yet taken compared with every later key at most two characters longer;
 * the near-same ones join it when that makes two or more customers.
 */
function groupsByTheRule(rows: readonly NameRow[]): string[] {
  const idsByKey = new Map<string, string[]>();
  for (const r of rows) if (r.name_key) idsByKey.set(r.name_key, [...(idsByKey.get(r.name_key) ?? []), r.id]);
  const blocks = new Map<string, string[]>();
  for (const key of idsByKey.keys()) blocks.set(blockOf(key), [...(blocks.get(blockOf(key)) ?? []), key]);
  const out: string[] = [];
  for (const keys of blocks.values()) {
    keys.sort((a, b) => codePointLength(a) - codePointLength(b) || (a < b ? -1 : 1));
    const taken = new Set<string>();
    for (let i = 0; i < keys.length; i++) {
      if (taken.has(keys[i]!)) continue;
      const members = [keys[i]!];
      for (let j = i + 1; j < keys.length && codePointLength(keys[j]!) - codePointLength(keys[i]!) <= 2; j++) {
        if (!taken.has(keys[j]!) && areNamesNearSame(keys[i]!, keys[j]!)) members.push(keys[j]!);
      }
      const ids = members.flatMap((k) => idsByKey.get(k)!);
      if (ids.length > 1) {
        for (const k of members) taken.add(k);
        out.push(`name:${keys[i]}:${ids.sort().join(',')}`);
      }
    }
  }
  return out.sort();
}

/** A name with typos: letters dropped, doubled, swapped or replaced, digits, CJK and astral characters. */
function typoName(rnd: () => number): string {
  const bases = ['Atlas Nordic Lighting', 'Orion Lamps Home Goods', 'Oslo Marine Supply', '明华灯饰有限公司', '𠮷野家 Trading', 'Kafe 2000 Imports', 'Aa', 'Abc'];
  const chars = [...bases[Math.floor(rnd() * bases.length)]!];
  const edits = Math.floor(rnd() * 4);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * chars.length);
    const kind = Math.floor(rnd() * 4);
    const letter = 'aeiostnx9é𝒜'[Math.floor(rnd() * 10)]!;
    if (kind === 0) chars.splice(at, 1);
    else if (kind === 1) chars.splice(at, 0, chars[at] ?? letter);
    else if (kind === 2 && at + 1 < chars.length) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
    else chars[at] = letter;
  }
  return chars.join('');
}

describe('name groups: the letter-count and bit-mask shortcuts lose no pair the rule would group', () => {
  it('equals the plain all-pairs rule on 3,000 names full of typos, and any order of rows gives the same groups', () => {
    const rnd = prng(5);
    const rows: NameRow[] = Array.from({ length: 3000 }, (_, i) => {
      const name = typoName(rnd);
      return { rid: i + 1, id: `c${String(i).padStart(5, '0')}`, name, name_key: normalizeCompanyName(name), country: null };
    });
    const expected = groupsByTheRule(rows);
    expect(expected.length).toBeGreaterThan(50);
    const sorted = new NameGroupIndex();
    sorted.update(byKeyAndId(rows));
    expect(normalized(sorted.groups())).toEqual(expected);
    // Rows in row id order (as an older read gave them) are grouped the same, only slower.
    const shuffled = new NameGroupIndex();
    shuffled.update(rows);
    expect(normalized(shuffled.groups())).toEqual(expected);
  });

  it('updates in steps, one per block grouped, and an update given up half-way leaves the index as it was', () => {
    const rows: NameRow[] = ['Atlas Lighting Ltd', 'Atlas Lightning GmbH', 'Orion Lamps', 'Orion Lampz GmbH', 'Oslo Marine', 'Oslo Marina AS'].map((name, i) => ({ rid: i + 1, id: `c${i}`, name, name_key: normalizeCompanyName(name), country: 'DE' }));
    const index = new NameGroupIndex();
    const steps = index.updateSteps(byKeyAndId(rows));
    expect(steps.next().done).toBe(false);
    expect(index.groups()).toEqual([]);
    expect(runSteps(steps)).toBe(3);
    expect(normalized(index.groups())).toEqual(['name:atlas lighting:c0,c1', 'name:orion lamps:c2,c3', 'name:oslo marina:c4,c5']);
    // Given up after its first step: the groups are those of the last whole update.
    const moved = rows.map((r) => (r.id === 'c5' ? { ...r, name: 'Quiet Harbour', name_key: 'quiet harbour' } : r));
    moved.push({ rid: 9, id: 'c9', name: 'Atlas Lightings', name_key: 'atlas lightings', country: 'DE' });
    expect(index.updateSteps(byKeyAndId(moved)).next().done).toBe(false);
    expect(normalized(index.groups())).toEqual(['name:atlas lighting:c0,c1', 'name:orion lamps:c2,c3', 'name:oslo marina:c4,c5']);
    expect(index.update(byKeyAndId(moved))).toBe(3);
    expect(normalized(index.groups())).toEqual(['name:atlas lighting:c0,c1,c9', 'name:orion lamps:c2,c3']);
  });
});
