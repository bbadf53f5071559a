import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { legalFormOf } from '../../../../../shared/domain/duplicate-confidence.ts';
import { rankDuplicateGroups, warmDuplicateGroups } from '../../../../../electron/services/customers/duplicates.ts';
import { seedCustomers } from '../../../../fixtures/customer-fixtures.ts';

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

    const { groups } = await app.call('customers.findDuplicates', {});
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
    expect((await app.call('customers.findDuplicates', {})).total).toBe(0);
  });

  it('merges through indexes only: no statement of a merge scans a table', async () => {
    const keep = await customerWithEmail('Harbor Lamps', 'a@harborlamps.com');
    const dup = await customerWithEmail('Harbour Lamps', 'b@harborlamps.com', { tags: ['fair'] });
    await app.call('activities.create', { customerId: dup.id, kind: 'call', occurredAt: T0 - DAY });
    const sqlite = app.core.database().sqlite;
    const seen = new Set<string>();
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      seen.add(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
    try {
      await app.call('customers.merge', { targetId: keep.id, sourceIds: [dup.id] });
    } finally {
      sqlite.prepare = prepare;
    }
    const scans = [...seen].flatMap((source) => {
      const params = Array.from(source.matchAll(/\?/g), () => null);
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as Array<{ detail: string }>).map((r) => r.detail);
      // A whole-table SCAN of a table that grows with the customers, or a walk of every email
      // address through (kind, value_normalized) by kind alone (2 s at 100k customers).
      const bad = /^SCAN (activities|contacts|contact_channels|customers|mail_message_customers|customer_tags|custom_field_values|customer_domains)\b|\(kind=\?\)$/;
      return plan.filter((d) => bad.test(d)).map((d) => `${d} in ${source}`);
    });
    expect(seen.size).toBeGreaterThan(10);
    expect(scans).toEqual([]);
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

describe('duplicate groups at scale: ranked, paged, dismissed for good (issue 11, point 8)', () => {
  async function seedMixed() {
    // Two companies that only share common words, in two countries with two legal forms: last.
    const anchorNl = await app.call('customers.create', { name: 'Anchor Atlas Home Goods B.V.', country: 'NL', regionCode: 'EU' });
    const anchorEs = await app.call('customers.create', { name: 'Anchor Atlas Home Goods S.A.', country: 'ES', regionCode: 'EU' });
    // The same name twice in one country.
    const oslo1 = await app.call('customers.create', { name: 'Oslo Marine Supply AS', country: 'NO', regionCode: 'EU' });
    const oslo2 = await app.call('customers.create', { name: 'Oslo Marine Supply', country: 'NO', regionCode: 'EU' });
    // One company domain, names unlike.
    const dom1 = await app.call('customers.create', { name: 'Rocket Supplies', website: 'https://rocket-supplies.com', regionCode: 'NA', country: 'US' });
    const dom2 = await app.call('customers.create', { name: 'RS Purchasing Dept', website: 'rocket-supplies.com', regionCode: 'NA', country: 'US' });
    // One email address on two customers (which also share its domain): first.
    const mail1 = await customerWithEmail('Zephyr Lamps', 'buyer@zephyr-lamps.de', { country: 'DE' });
    const mail2 = await customerWithEmail('Lampenhaus Nord', 'buyer@zephyr-lamps.de', { country: 'DE' });
    return { anchorNl, anchorEs, oslo1, oslo2, dom1, dom2, mail1, mail2 };
  }

  it('ranks email, then domain, then near-same names, and names sharing only words across countries last, with the reasons', async () => {
    const c = await seedMixed();
    const all = await app.call('customers.findDuplicates', { offset: 0, limit: 50 });
    expect(all.total).toBe(4);
    expect(all.groups.map((g) => [g.reason, g.customers.map((x) => x.id).sort()])).toEqual([
      ['email', [c.mail1.id, c.mail2.id].sort()],
      ['domain', [c.dom1.id, c.dom2.id].sort()],
      ['name', [c.oslo1.id, c.oslo2.id].sort()],
      ['name', [c.anchorNl.id, c.anchorEs.id].sort()],
    ]);
    const [email, domain, oslo, anchor] = all.groups;
    // The email group also found the domain group's customers: one group, both reasons.
    expect(email!.signals).toEqual(['sameEmail', 'sameDomain', 'sameCountry']);
    expect(email!.confidence).toBe('high');
    expect(domain!.signals).toEqual(['sameDomain', 'sameCountry']);
    expect(oslo!.signals).toEqual(['sameName', 'sameCountry']);
    expect(oslo!.confidence).toBe('medium');
    expect(anchor!.signals).toEqual(['similarName', 'differentCountries', 'differentLegalForms']);
    expect(anchor!.confidence).toBe('low');
    expect(all.groups.map((g) => g.score)).toEqual([...all.groups.map((g) => g.score)].sort((a, b) => b - a));

    // Pages: the same order, in slices, with the total every time.
    const first = await app.call('customers.findDuplicates', { offset: 0, limit: 2 });
    const second = await app.call('customers.findDuplicates', { offset: 2, limit: 2 });
    expect(first.total).toBe(4);
    expect(second.total).toBe(4);
    expect([...first.groups, ...second.groups].map((g) => g.id)).toEqual(all.groups.map((g) => g.id));

    // Pages after the first reuse the ranking until anything is written, by any path.
    app.core.database().sqlite.prepare(`UPDATE customers SET deleted_at = 1 WHERE id = ?`).run(c.oslo2.id);
    expect((await app.call('customers.findDuplicates', { offset: 2, limit: 2 })).total).toBe(3);
  });

  it('remembers "not a duplicate" for good: the pair never returns, a third customer brings only its own pairs, undo brings it back', async () => {
    const c = await seedMixed();
    expect((await app.call('customers.dismissDuplicates', { ids: [c.anchorNl.id, c.anchorEs.id] })).count).toBe(1);
    const after = await app.call('customers.findDuplicates', {});
    expect(after.total).toBe(3);
    expect(after.groups.some((g) => g.customers.some((x) => x.id === c.anchorNl.id))).toBe(false);

    // Stored, not just hidden: it survives closing and reopening the data folder.
    const dataDir = app.dataDir;
    await app.close();
    app = await createTempCore({ dataDir });
    expect((await app.call('customers.findDuplicates', {})).total).toBe(3);
    // Editing one of the two no longer warns about the other.
    expect(await app.call('customers.checkDuplicates', { name: 'Anchor Atlas Home Goods S.A.', excludeId: c.anchorNl.id })).toEqual([]);

    // A third "Anchor Atlas Home Goods" is new: grouped with both, the dismissed pair no obstacle.
    const third = await app.call('customers.create', { name: 'Anchor Atlas Home Goods N.V.', country: 'BE', regionCode: 'EU' });
    const withThird = (await app.call('customers.findDuplicates', {})).groups.find((g) => g.customers.some((x) => x.id === third.id));
    expect(withThird?.customers.map((x) => x.id).sort()).toEqual([c.anchorNl.id, c.anchorEs.id, third.id].sort());
    // Dismissing that group too leaves nothing of the three.
    await app.call('customers.dismissDuplicates', { ids: [c.anchorNl.id, c.anchorEs.id, third.id] });
    expect((await app.call('customers.findDuplicates', {})).groups.some((g) => g.customers.some((x) => x.id === third.id))).toBe(false);

    // Undo: the pairs may be grouped again.
    expect((await app.call('customers.restoreDuplicates', { ids: [c.anchorNl.id, c.anchorEs.id, third.id] })).count).toBe(3);
    expect((await app.call('customers.findDuplicates', {})).total).toBe(4);
    expect((await app.fail('customers.dismissDuplicates', { ids: [c.oslo1.id, 'no-such-customer'] })).code).toBe('notFound');
  });

  it('after each write, by any path, shows exactly the groups a full recompute finds (the kept name groups miss none)', async () => {
    const c = await seedMixed();
    const berlin = await app.call('customers.create', { name: 'Berlin Lamps GmbH', country: 'DE', regionCode: 'EU' });
    const berlin2 = await app.call('customers.create', { name: 'Berlin Lampz', country: 'DE', regionCode: 'EU' });
    const lone = await app.call('customers.create', { name: 'Quiet Harbour Trading', country: 'GB', regionCode: 'EU' });
    // What the page shows (ranked from the name groups kept since the last call) against a
    // recompute from nothing, after each change.
    const shown = async () => (await app.call('customers.findDuplicates', { offset: 0, limit: 200 })).groups.map((g) => [g.id, g.score, g.signals]);
    const full = async () => (await rankDuplicateGroups(app.core.database().db)).map((g) => [g.id, g.score, g.signals]);
    const same = async (step: string) => {
      const expected = await full();
      expect(await shown(), step).toEqual(expected);
      return expected.length;
    };
    expect(await same('start')).toBe(5);

    await app.call('customers.update', { id: lone.id, name: 'Berlin Lamp GmbH', country: 'DE', regionCode: 'EU' });
    await same('renamed into a group');
    await app.call('customers.update', { id: berlin2.id, name: 'Orion Supplies', country: 'DE', regionCode: 'EU' });
    await same('renamed out of a group');
    await app.call('customers.update', { id: c.oslo2.id, name: 'Oslo Marine Supply', country: 'SE', regionCode: 'EU' });
    await same('moved to another country');
    await app.call('customers.remove', { ids: [c.anchorEs.id] });
    expect(await same('deleted')).toBe(4);
    await app.call('customers.restore', { ids: [c.anchorEs.id] });
    await same('restored');
    await app.call('contacts.create', { customerId: berlin.id, name: 'Kim', channels: [{ kind: 'email', value: 'kim@oslo-marine.no' }] });
    await app.call('contacts.create', { customerId: c.oslo1.id, name: 'Kim', channels: [{ kind: 'email', value: 'kim@oslo-marine.no' }] });
    await same('an address on two customers');
    await app.call('customers.dismissDuplicates', { ids: [c.oslo1.id, c.oslo2.id] });
    await same('dismissed');
    await app.call('customers.merge', { targetId: berlin.id, sourceIds: [lone.id] });
    await same('merged');
    // Written by another path (the CLI, a restore): seen all the same.
    app.core.database().sqlite.prepare(`UPDATE customers SET name = 'Anchor Atlas Home Goods AB', name_key = 'anchor atlas home goods' WHERE id = ?`).run(c.dom1.id);
    await same('written by another connection');
  });

  it('reads the legal form at the end of a name in one spelling', () => {
    expect(['Anchor Atlas Home Goods B.V.', 'Anchor S.A.', 'Minghua Lighting Co., Ltd', 'Acme Limited', '宁波明华灯饰有限公司', 'Atlas Nordic'].map(legalFormOf)).toEqual([
      'bv', 'sa', 'ltd', 'ltd', '有限公司', '',
    ]);
  });
});

describe('duplicate groups warmed after start (issue 11, point 8: the first visit at 100k customers)', () => {
  /** 2,000 generated customers: nearly every name has look-alikes, so there are pages of groups. */
  function seedMany() {
    seedCustomers(app.core.database().sqlite, { customers: 2000, activitiesPerCustomer: 0, now: T0, seed: 7 });
  }
  const firstPageIds = async () => (await app.call('customers.findDuplicates', { offset: 0, limit: 20 })).groups.map((g) => g.id);
  const fullFirstPage = async () => (await rankDuplicateGroups(app.core.database().db)).slice(0, 20).map((g) => g.id);

  /** The customer list, asked for once the current turn of the event loop is over; logs when it answers. */
  function listSoon(events: string[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        app.call('customers.list', {}).then((page) => {
          events.push(`list ${page.total}`);
          resolve();
        }, reject);
      });
    });
  }

  it('gives way to other calls while it works; the page then answers from what it found, as a full recompute would', async () => {
    seedMany();
    const events: string[] = [];
    const warm = warmDuplicateGroups(app.core.database().db, { sliceMs: 0 }).then(() => events.push('warmed'));
    await Promise.all([warm, listSoon(events)]);
    expect(events).toEqual(['list 2000', 'warmed']);
    const shown = await firstPageIds();
    expect(shown).toHaveLength(20);
    expect(shown).toEqual(await fullFirstPage());
  });

  it('stops giving way when a visit waits for it: the page comes first, and it is the one a full recompute finds', async () => {
    seedMany();
    const events: string[] = [];
    const warm = warmDuplicateGroups(app.core.database().db, { sliceMs: 0 }).then(() => events.push('warmed'));
    const visit = firstPageIds().then((ids) => {
      events.push('page');
      return ids;
    });
    await Promise.all([warm, listSoon(events)]);
    expect(events).toEqual(['warmed', 'page', 'list 2000']);
    expect(await visit).toEqual(await fullFirstPage());
  });

  it('a write while it gives way: the next visit shows exactly what a full recompute finds', async () => {
    seedMany();
    const sqlite = app.core.database().sqlite;
    const before = await fullFirstPage();
    // A customer of the first group (ids: reason:key:id,id,…).
    const id = before[0]!.split(':')[2]!.split(',')[0]!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const warm = warmDuplicateGroups(app.core.database().db, { sliceMs: 0 });
    // Written by another path once the warm-up has read the names and is grouping them (it gives
    // way after the emails, the domains, then after each name block).
    for (let turn = 0; turn < 4; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    sqlite.prepare(`UPDATE customers SET deleted_at = 1 WHERE id = ?`).run(id);
    await warm;
    const shown = await firstPageIds();
    expect(shown.some((g) => g.includes(id))).toBe(false);
    expect(shown).toEqual(await fullFirstPage());
  });
});
