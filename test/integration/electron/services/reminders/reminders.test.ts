import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
});
afterEach(async () => {
  await app.close();
});

describe('last contact and the not-contacted list', () => {
  it('derives last contact from activities in both directions and keeps it right on edit and delete', async () => {
    const c = await app.call('customers.create', { name: 'Timeline Co', regionCode: 'EU', grade: 'A' });
    expect(c.lastContactedAt).toBeNull();
    const inbound = await app.call('activities.create', { customerId: c.id, kind: 'call', direction: 'inbound', occurredAt: T0 - 5 * DAY });
    const note = await app.call('activities.create', { customerId: c.id, kind: 'note', direction: 'none', subject: 'Price list sent', occurredAt: T0 - 1 * DAY });
    expect((await app.call('customers.get', { id: c.id })).lastContactedAt).toBe(T0 - DAY);
    await app.call('activities.remove', { id: note.id });
    expect((await app.call('customers.get', { id: c.id })).lastContactedAt).toBe(T0 - 5 * DAY);
    await app.call('activities.update', { id: inbound.id, customerId: c.id, kind: 'meeting', occurredAt: T0 - 3 * DAY });
    expect((await app.call('customers.get', { id: c.id })).lastContactedAt).toBe(T0 - 3 * DAY);
    const timeline = await app.call('activities.list', { customerId: c.id });
    expect(timeline.rows.map((a) => a.kind)).toEqual(['meeting']);
  });

  it('lists overdue customers per grade interval with days overdue, and a contact takes them off', async () => {
    const a = await app.call('customers.create', { name: 'Grade A', regionCode: 'EU', grade: 'A' });
    const b = await app.call('customers.create', { name: 'Grade B', regionCode: 'EU', grade: 'B' });
    await app.call('customers.create', { name: 'Grade D', regionCode: 'EU', grade: 'D' });
    app.clock.advance(45 * DAY);
    let list = await app.call('reminders.notContacted', {});
    expect(list.rows.map((r) => [r.name, r.daysOverdue])).toEqual([['Grade A', 15]]);
    expect((await app.call('reminders.counts', {})).notContacted).toBe(1);
    app.clock.advance(30 * DAY);
    list = await app.call('reminders.notContacted', {});
    expect(list.rows.map((r) => [r.name, r.daysOverdue])).toEqual([
      ['Grade A', 45],
      ['Grade B', 15],
    ]);
    await app.call('activities.create', { customerId: a.id, kind: 'call', occurredAt: app.clock.now() });
    list = await app.call('reminders.notContacted', {});
    expect(list.rows.map((r) => r.id)).toEqual([b.id]);
  });

  it('applies edited intervals at once, including "never" for a grade', async () => {
    await app.call('customers.create', { name: 'Grade C', regionCode: 'EU', grade: 'C' });
    app.clock.advance(20 * DAY);
    expect((await app.call('reminders.counts', {})).notContacted).toBe(0);
    const settings = await app.call('settings.update', { contactIntervals: { C: 10 } });
    expect(settings.contactIntervals).toEqual({ A: 30, B: 60, C: 10, D: null });
    expect((await app.call('reminders.notContacted', {})).rows[0]?.daysOverdue).toBe(10);
    await app.call('settings.update', { contactIntervals: { C: null } });
    expect((await app.call('reminders.counts', {})).notContacted).toBe(0);
  });

  it('follows grade changes and leaves deleted customers out', async () => {
    const c = await app.call('customers.create', { name: 'Regrade', regionCode: 'EU', grade: 'C' });
    app.clock.advance(40 * DAY);
    expect((await app.call('reminders.counts', {})).notContacted).toBe(0);
    await app.call('customers.update', { id: c.id, name: c.name, regionCode: 'EU', grade: 'A' });
    expect((await app.call('reminders.counts', {})).notContacted).toBe(1);
    await app.call('customers.remove', { ids: [c.id] });
    expect((await app.call('reminders.counts', {})).notContacted).toBe(0);
  });

  it('filters the list by owner', async () => {
    const owner = await app.call('owners.create', { name: 'Zhao' });
    await app.call('customers.create', { name: 'Mine', regionCode: 'EU', grade: 'A', ownerId: owner.id });
    await app.call('customers.create', { name: 'Not mine', regionCode: 'EU', grade: 'A' });
    app.clock.advance(31 * DAY);
    const mine = await app.call('reminders.notContacted', { ownerId: owner.id });
    expect(mine.rows.map((r) => r.name)).toEqual(['Mine']);
    expect(mine.total).toBe(1);
  });
});
