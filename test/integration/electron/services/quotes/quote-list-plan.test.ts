import { afterEach, expect, it } from 'vitest';
import { listPage } from '../../../../../electron/services/quotes/quote.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

const page = { statuses: [], text: '', offset: 0, limit: 50 };

it('the Quotes page walks quotes_quoted newest first, and a customer’s tab quotes_customer, without sorting', async () => {
  app = await createTempCore();
  const { sqlite, db } = app.core.database();
  const all = queryPlan(sqlite, listPage(db, page, T0)).join('\n');
  expect(all).toMatch(/SCAN q USING INDEX quotes_quoted/);
  expect(all).not.toMatch(/TEMP B-TREE/);
  const sent = queryPlan(sqlite, listPage(db, { ...page, statuses: ['sent'] }, T0)).join('\n');
  expect(sent).toMatch(/SCAN q USING INDEX quotes_quoted/);
  const mine = queryPlan(sqlite, listPage(db, { ...page, customerId: 'c1' }, T0)).join('\n');
  expect(mine).toMatch(/quotes_customer \(customer_id=\?\)/);
  expect(mine).not.toMatch(/SCAN q/);
});
