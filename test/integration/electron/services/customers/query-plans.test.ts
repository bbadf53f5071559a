import type { Compilable } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../../../shared/contract/contract.ts';
import type { CustomerQuery } from '../../../../../shared/contract/customers.contract.ts';
import { customerListQueries } from '../../../../../electron/services/customers/customer-list.query.ts';
import { selectCustomerRows } from '../../../../../electron/services/customers/customer-rows.queries.ts';
import { notContactedQuery } from '../../../../../electron/services/reminders/reminder.queries.ts';
import { seedCustomers } from '../../../../fixtures/customer-fixtures.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
let ownerId: string;

beforeAll(async () => {
  app = await createTempCore();
  const summary = seedCustomers(app.core.database().sqlite, { customers: 2000, activitiesPerCustomer: 3, now: T0 });
  ownerId = summary.ownerIds[0]!;
  // No ANALYZE: a user's database has no statistics, so the plans must be right without them.
});
afterAll(async () => {
  await app.close();
});

const plan = (query: Compilable): string[] => queryPlan(app.core.database().sqlite, query);

/** Index lookups that read every row of a kind for each customer: the wrong index for a correlated subquery. */
function wrongSubqueryIndexes(lines: string[]): string[] {
  return lines.filter((l) => l.includes('contact_channels_lookup') && !l.includes('value_normalized='));
}

/** A full table scan reads as `SCAN c` / `SCAN customers` with no index named. */
function fullScans(lines: string[]): string[] {
  return lines.filter((l) => /^SCAN (c|customers|activities|a|contacts|ct|contact_channels|ch|customer_scores|s)\b/.test(l) && !l.includes('USING'));
}

const listCases: Array<[string, CustomerQuery]> = [
  ['default sort by name', {}],
  ['sort by last contact desc', { sort: 'lastContactedAt', dir: 'desc' }],
  ['sort by code', { sort: 'code' }],
  ['sort by created', { sort: 'createdAt', dir: 'desc' }],
  ['grade filter', { grades: ['A', 'B'] }],
  ['owner filter', { ownerIds: ['x'] }],
  ['country filter', { countries: ['DE'] }],
  ['stage filter', { stages: ['customer'] }],
  ['English search', { search: 'atlas' }],
  ['Chinese search', { search: '明华' }],
  ['search with filters', { search: 'lighting', grades: ['A'], lastContact: 'over90' }],
  ['tag filter', { tagIds: ['t'] }],
  ['value band filter', { values: ['high', 'low'] }],
];

describe('query plans of the hot queries (fail on a full scan)', () => {
  for (const [name, input] of listCases) {
    it(`customers.list: ${name}`, () => {
      const q = contract['customers.list'].input.parse(input.ownerIds ? { ...input, ownerIds: [ownerId] } : input);
      for (const matches of [null, 10, 100_000]) {
        const { page, count } = customerListQueries(app.core.database().db, q, T0, matches);
        const lines = [...plan(page), ...plan(count)];
        expect(fullScans(lines), lines.join('\n')).toEqual([]);
        const rows = plan(selectCustomerRows(app.core.database().db).where('c.rid', 'in', [1, 2, 3]));
        expect(wrongSubqueryIndexes(rows), rows.join('\n')).toEqual([]);
      }
    });
  }

  it('customers.list: the first page by name reads customers_name in order, sorting nothing', () => {
    const q = contract['customers.list'].input.parse({});
    for (const matches of [null, 100_000]) {
      const lines = plan(customerListQueries(app.core.database().db, q, T0, matches).page);
      // Before migration 0021 SQLite walked every live customer through customers_deleted and sorted them.
      expect(lines.join('\n')).toContain('customers_name');
      expect(lines.join('\n')).not.toContain('TEMP B-TREE');
    }
  });

  it('reminders.notContacted uses the due-date index, with and without an owner', () => {
    for (const query of [notContactedQuery(app.core.database().db, T0), notContactedQuery(app.core.database().db, T0, ownerId)]) {
      const lines = plan(query.limit(100));
      expect(fullScans(lines), lines.join('\n')).toEqual([]);
      expect(lines[0], lines.join('\n')).toMatch(/^SEARCH c USING INDEX customers_(owner_)?due/);
    }
  });
});
