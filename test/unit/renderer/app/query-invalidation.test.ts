import { describe, expect, it } from 'vitest';
import { CALL_KEYS, DATA_ENTITIES } from '../../../../shared/contract/contract.ts';
import { AREAS_BY_ENTITY, areasFor } from '../../../../renderer/src/app/query-invalidation.ts';

/**
 * Areas whose answers never change while the app runs (the host's facts, the folder dialog), or
 * that are only ever called as actions, never cached (exports write files, not data).
 */
const STATIC_AREAS = new Set(['app', 'exports']);

describe('the renderer refreshes every screen a change can touch', () => {
  const contractAreas = new Set(CALL_KEYS.map((key) => key.split('.')[0]!));

  it('maps every entity of the contract, each to areas the contract has', () => {
    for (const entity of DATA_ENTITIES.filter((e) => e !== 'all')) {
      const areas = AREAS_BY_ENTITY[entity];
      expect(areas.length, entity).toBeGreaterThan(0);
      for (const area of areas) expect(contractAreas, `${entity} → ${area}`).toContain(area);
    }
    expect(Object.keys(AREAS_BY_ENTITY).sort()).toEqual(DATA_ENTITIES.filter((e) => e !== 'all').sort());
  });

  it('lets no area of the contract go stale: each is refreshed by some entity', () => {
    const reached = new Set(DATA_ENTITIES.flatMap((e) => (e === 'all' ? [] : [...AREAS_BY_ENTITY[e]])));
    const stale = [...contractAreas].filter((area) => !reached.has(area) && !STATIC_AREAS.has(area));
    expect(stale).toEqual([]);
  });

  it('refreshes a customer folder’s timeline when mail is marked read or starred', () => {
    // mail.setFlags announces only mailMessages; the timeline is a customers.* query.
    expect(areasFor(['mailMessages']).valueOf()).toContain('customers');
  });

  it('refreshes everything on "all"', () => {
    expect(areasFor(['all'])).toBe('all');
    expect(areasFor(['mailMessages'])).toEqual(new Set(AREAS_BY_ENTITY.mailMessages));
  });
});
