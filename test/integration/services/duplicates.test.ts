import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../helpers/temp-core.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
});
afterEach(async () => {
  await app.close();
});

async function customerWithEmail(name: string, email: string, extra: Record<string, unknown> = {}) {
  const c = await app.call('customers.create', { name, regionCode: 'EU', ...extra });
  await app.call('contacts.create', { customerId: c.id, name: `${name} buyer`, channels: [{ kind: 'email', value: email }] });
  return c;
}

describe('duplicate detection', () => {
  it('matches the same email, the same company domain and near-same names, never a free-mail domain', async () => {
    const acme = await customerWithEmail('Acme Trading Ltd', 'john@acme-trading.com');
    await customerWithEmail('Solo Buyer', 'buyer@gmail.com');
    const check = (candidate: object) => app.call('customers.checkDuplicates', candidate as { name: string });

    expect((await check({ name: 'Zeta', emails: ['JOHN@acme-trading.com'] })).map((m) => [m.reason, m.customer.id])).toEqual([['email', acme.id]]);
    expect((await check({ name: 'Zeta', emails: ['mary@acme-trading.com'] })).map((m) => m.reason)).toEqual(['domain']);
    expect((await check({ name: 'Zeta', website: 'https://www.acme-trading.com/en' })).map((m) => m.reason)).toEqual(['domain']);
    expect(await check({ name: 'Zeta', emails: ['someone@gmail.com'] })).toEqual([]);
    expect((await check({ name: 'ACME Trading Limited' })).map((m) => m.reason)).toEqual(['name']);
    expect((await check({ name: 'Acmee Trading Co.' })).map((m) => m.reason)).toEqual(['name']);
    expect(await check({ name: 'Acme Trading', excludeId: acme.id })).toEqual([]);
  });

  it('finds groups on demand and merges them keeping every contact, activity, tag and field value', async () => {
    const field = await app.call('customFields.create', { label: 'Port', type: 'text' });
    const keep = await customerWithEmail('Berlin Lamps GmbH', 'a@berlinlamps.de', { tags: ['lighting'], website: 'berlinlamps.de', phone: '+49 30 1234' });
    const dup = await customerWithEmail('Berlin-Lamps', 'b@berlinlamps.de', { tags: ['fair2026'], country: 'DE', phone: '+49 30 9999', customFields: { [field.id]: 'Hamburg' } });
    await app.call('activities.create', { customerId: keep.id, kind: 'call', occurredAt: T0 - 10 * DAY });
    await app.call('activities.create', { customerId: dup.id, kind: 'meeting', subject: 'Canton Fair booth', occurredAt: T0 - 2 * DAY });

    const groups = await app.call('customers.findDuplicates', {});
    const domainGroup = groups.find((g) => g.reason === 'domain');
    expect(domainGroup?.key).toBe('berlinlamps.de');
    expect(domainGroup?.customers.map((c) => c.id).sort()).toEqual([keep.id, dup.id].sort());

    const merged = await app.call('customers.merge', { targetId: keep.id, sourceIds: [dup.id] });
    expect(merged.contacts.map((c) => c.name).sort()).toEqual(['Berlin Lamps GmbH buyer', 'Berlin-Lamps buyer']);
    expect(merged.tags).toEqual(['fair2026', 'lighting']);
    expect(merged.customFields[field.id]).toBe('Hamburg');
    expect(merged.country).toBe('DE');
    expect(merged.phone).toBe('+49 30 1234');
    expect(merged.notes).toContain('phone: +49 30 9999');
    expect(merged.lastContactedAt).toBe(T0 - 2 * DAY);
    const timeline = await app.call('activities.list', { customerId: keep.id });
    expect(timeline.rows.map((a) => a.kind)).toEqual(['meeting', 'call']);
    const list = await app.call('customers.list', {});
    expect(list.rows.map((r) => r.id)).toEqual([keep.id]);
    expect((await app.call('customers.list', { search: 'b@berlinlamps' })).rows.map((r) => r.id)).toEqual([keep.id]);
    expect((await app.call('customers.findDuplicates', {})).length).toBe(0);
  });

  it('refuses to merge a customer into itself', async () => {
    const c = await app.call('customers.create', { name: 'Solo', regionCode: 'EU' });
    const err = await app.fail('customers.merge', { targetId: c.id, sourceIds: [c.id] });
    expect(err.message).toBe('errors.mergeNeedsOthers');
  });

  it('warns about another owner working the same company', async () => {
    const wang = await app.call('owners.create', { name: 'Wang' });
    const li = await app.call('owners.create', { name: 'Li' });
    const a = await customerWithEmail('Oslo Marine', 'x@oslomarine.no', { ownerId: wang.id });
    await customerWithEmail('Oslo Marine AS', 'y@oslomarine.no', { ownerId: li.id });
    const detail = await app.call('customers.get', { id: a.id });
    expect(detail.conflicts.map((c) => [c.ownerName, c.domain])).toEqual([['Li', 'oslomarine.no']]);
  });
});
