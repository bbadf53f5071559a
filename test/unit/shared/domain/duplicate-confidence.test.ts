import { describe, expect, it } from 'vitest';
import { legalFormOf } from '../../../../shared/domain/duplicate-confidence.ts';
import { prng } from '../../../fixtures/customer-fixtures.ts';

/** The legal form the slow, general way: NFKC, lower case, dots dropped, the last word of letters and digits. */
function generalForm(name: string): string {
  const words = name.toLowerCase().normalize('NFKC').trim().replace(/\./g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  // Any ASCII name ending in a legal-form word, in every spelling the table knows.
  const table: Record<string, string> = { ltd: 'ltd', limited: 'ltd', gmbh: 'gmbh', bv: 'bv', sa: 'sa', co: 'co', company: 'co', inc: 'inc', ab: 'ab' };
  const last = words.at(-1) ?? '';
  return Object.hasOwn(table, last) ? table[last]! : '';
}

describe('legalFormOf', () => {
  it('reads ASCII names without normalizing them, to the same answer as the general way', () => {
    const rnd = prng(3);
    const pieces = ['Atlas', ' ', '.', ',', '-', 'B.V.', 'S.A', 'GmbH', 'Ltd', 'LIMITED', 'co', 'Inc.', 'ab', '(', ')', '2000', '_', '\t', 'x'];
    for (let i = 0; i < 20_000; i++) {
      let name = '';
      for (let n = Math.floor(rnd() * 6); n > 0; n--) name += pieces[Math.floor(rnd() * pieces.length)];
      expect(legalFormOf(name), JSON.stringify(name)).toBe(generalForm(name));
    }
  });

  it('knows only its own legal forms, not the names every object has', () => {
    expect(['Acme constructor', 'Acme toString', 'Acme __proto__', 'Acme hasOwnProperty'].map(legalFormOf)).toEqual(['', '', '', '']);
    expect(['Anchor Atlas Home Goods B.V.', 'Minghua Lighting Co., Ltd', 'ACME LIMITED', 'Ｍｉｎｇｈｕａ ＧｍｂＨ', '宁波明华灯饰有限公司'].map(legalFormOf)).toEqual(['bv', 'ltd', 'ltd', 'gmbh', '有限公司']);
  });
});
