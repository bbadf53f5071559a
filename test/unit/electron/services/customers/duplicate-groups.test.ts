import { describe, expect, it } from 'vitest';
import { DuplicateRanking, NameGroupIndex, type RawGroup } from '../../../../../electron/services/customers/duplicate-groups.ts';
import type { NameRow } from '../../../../../electron/services/customers/duplicates.queries.ts';
import { normalizeCompanyName } from '../../../../../shared/domain/name-similarity.ts';
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
      expect(ranking.rank(kept.groups(), kept.members, dismissed), `step ${step}`).toEqual(new DuplicateRanking().rank(fresh.groups(), fresh.members, dismissed));
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
