import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quoteFollowUpsQuery } from '../../../../../electron/services/today/today.queries.ts';
import { overdueCustomers } from '../../../../../electron/services/reminders/reminder.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
});
afterEach(async () => {
  await app.close();
});

/** Users' databases are never ANALYZEd: the plans must be right without statistics. */
describe("Today's query plans", () => {
  it('walks quote follow-ups through their date index, in date order, never every sent quote', () => {
    const { sqlite, db } = app.core.database();
    const plan = queryPlan(sqlite, quoteFollowUpsQuery(db, { until: T0 + DAY, ownerId: null }).select('q.id').orderBy('q.follow_up_at').limit(10)).join('\n');
    expect(plan).toContain('USING INDEX quotes_follow_up');
    expect(plan).not.toContain('quotes_status_valid');
    expect(plan).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });

  it('walks customers due for contact through customers_due', () => {
    const { sqlite, db } = app.core.database();
    const plan = queryPlan(sqlite, overdueCustomers(db, T0, null).select('c.id').orderBy('c.due_at').limit(10)).join('\n');
    expect(plan).toMatch(/INDEX customers_due/);
    expect(plan).not.toMatch(/SCAN c\b/);
  });
});
