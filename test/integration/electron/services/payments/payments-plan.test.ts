import { afterEach, expect, it } from 'vitest';
import { lcDeadlinesQuery, paymentsDueQuery } from '../../../../../electron/services/payments/payments.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

it('Today’s payment and L/C queries walk their partial date indexes, never a table', async () => {
  app = await createTempCore();
  const { sqlite, db } = app.core.database();
  for (const ownerId of [null, 'o1']) {
    const payments = queryPlan(sqlite, paymentsDueQuery(db, { until: T0, ownerId }).selectAll('p').orderBy('p.due_at').limit(20)).join('\n');
    expect(payments).toMatch(/SEARCH p USING INDEX order_payments_due \(due_at>\? AND due_at<\?\)/);
    expect(payments).not.toMatch(/SCAN (p|q|c)\b(?! USING)/);
    expect(payments).not.toMatch(/TEMP B-TREE/);
    const lcs = queryPlan(sqlite, lcDeadlinesQuery(db, { until: T0, ownerId }).orderBy('deadline_at').limit(20)).join('\n');
    expect(lcs).toMatch(/SEARCH l USING INDEX order_lcs_expiry \(expires_at<\?\)/);
    expect(lcs).toMatch(/SEARCH l USING INDEX order_lcs_shipment \(latest_shipment_at>\? AND latest_shipment_at<\?\)/);
    expect(lcs).not.toMatch(/SCAN (l|q|c)\b(?! USING)/);
    // Both sides come in date order, so the union is merged, not sorted.
    expect(lcs).toMatch(/MERGE \(UNION ALL\)/);
    expect(lcs).not.toMatch(/TEMP B-TREE/);
  }
});
