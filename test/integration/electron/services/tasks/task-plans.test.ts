import { afterEach, expect, it } from 'vitest';
import { listPage, tasksDueQuery } from '../../../../../electron/services/tasks/tasks.queries.ts';
import { queryPlan } from '../../../../helpers/query-plan.ts';
import { createTempCore, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
afterEach(async () => {
  await app?.close();
});

const page = { ownerId: null, customerId: null, dueBefore: null, offset: 0, limit: 50 };

it('Today’s due tasks and the Tasks page walk their partial indexes in order, without a scan or a sort', async () => {
  app = await createTempCore();
  const { sqlite, db } = app.core.database();
  const plan = (q: Parameters<typeof queryPlan>[1]) => queryPlan(sqlite, q).join('\n');

  const due = plan(tasksDueQuery(db, { until: T0 }).select('t.id').orderBy('t.due_at').orderBy('t.id').limit(20));
  expect(due).toMatch(/SEARCH t USING INDEX tasks_open_due \(due_at<\?\)/);
  expect(due).not.toMatch(/TEMP B-TREE|SCAN t\b/);
  const mine = plan(tasksDueQuery(db, { until: T0, ownerId: 'o1' }).select('t.id').orderBy('t.due_at').orderBy('t.id').limit(20));
  expect(mine).toMatch(/SEARCH t USING INDEX tasks_owner_open_due \(owner_id=\? AND due_at<\?\)/);
  expect(mine).not.toMatch(/TEMP B-TREE/);

  const open = plan(listPage(db, { ...page, status: 'open' }, T0));
  expect(open).toMatch(/SCAN t USING INDEX tasks_open_due/);
  expect(open).not.toMatch(/TEMP B-TREE/);
  const done = plan(listPage(db, { ...page, status: 'done', ownerId: 'o1' }, T0));
  expect(done).toMatch(/SEARCH t USING INDEX tasks_owner_done \(owner_id=\?/);
  expect(done).not.toMatch(/TEMP B-TREE/);
  const trash = plan(listPage(db, { ...page, status: 'deleted' }, T0));
  expect(trash).toMatch(/(SCAN|SEARCH) t USING INDEX tasks_deleted/);
  expect(trash).not.toMatch(/TEMP B-TREE/);
  const folder = plan(listPage(db, { ...page, status: 'all', customerId: 'c1' }, T0));
  expect(folder).toMatch(/SEARCH t USING INDEX tasks_customer \(customer_id=\?\)/);
  expect(folder).not.toMatch(/TEMP B-TREE/);
});
