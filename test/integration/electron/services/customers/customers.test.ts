import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CUSTOM_FIELDS } from '../../../../../shared/contract/customers.contract.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';

let app: TempCore;
beforeEach(async () => {
  app = await createTempCore();
});
afterEach(async () => {
  await app.close();
});

describe('customer codes', () => {
  it('generates REGION-SEQ-GRADE, follows grade changes and never reuses a number', async () => {
    const a = await app.call('customers.create', { name: 'Müller Handels GmbH', regionCode: 'EU', country: 'DE', grade: 'A' });
    const b = await app.call('customers.create', { name: 'Rossi SpA', regionCode: 'EU', grade: 'B' });
    expect(a.code).toBe('EU-001-A');
    expect(b.code).toBe('EU-002-B');
    const regraded = await app.call('customers.update', { id: a.id, name: a.name, regionCode: 'EU', grade: 'C' });
    expect(regraded.code).toBe('EU-001-C');
    await app.call('customers.remove', { ids: [b.id] });
    const c = await app.call('customers.create', { name: 'Dupont SARL', regionCode: 'EU' });
    expect(c.code).toBe('EU-003-C');
    const moved = await app.call('customers.update', { id: c.id, name: c.name, regionCode: 'NA', grade: 'C' });
    expect(moved.code).toBe('NA-001-C');
    const d = await app.call('customers.create', { name: 'Another EU', regionCode: 'EU', grade: 'D' });
    expect(d.code).toBe('EU-004-D');
  });

  it('rejects an unknown region with a field error and writes nothing', async () => {
    const error = await app.fail('customers.create', { name: 'X Ltd', regionCode: 'ZZ' });
    expect(error.fieldErrors?.[0]).toMatchObject({ path: 'regionCode', message: 'errors.regionNotFound' });
    expect((await app.call('customers.list', {})).total).toBe(0);
  });
});

describe('validation', () => {
  it('names the field for a missing name, an over-long website and a bad email', async () => {
    const missing = await app.fail('customers.create', { name: '  ', regionCode: 'EU' });
    expect(missing.code).toBe('validation');
    expect(missing.fieldErrors).toContainEqual({ path: 'name', message: 'validation.required' });
    const long = await app.fail('customers.create', { name: 'A', regionCode: 'EU', website: 'x'.repeat(301) });
    expect(long.fieldErrors).toContainEqual({ path: 'website', message: 'validation.tooLong', params: { max: 300 } });
    const c = await app.call('customers.create', { name: 'Acme', regionCode: 'EU' });
    const bad = await app.fail('contacts.create', { customerId: c.id, name: 'Bob', channels: [{ kind: 'email', value: 'not-an-email' }] });
    expect(bad.fieldErrors).toContainEqual({ path: 'channels.0.value', message: 'validation.invalidEmail' });
    const unknown = await app.core.dispatch('customers.explode', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknownCall' } });
  });
});

describe('search', () => {
  it('finds customers by Chinese two-character words, English prefixes, emails, phones and codes', async () => {
    const ming = await app.call('customers.create', { name: 'Shanghai Minghua Trading', localName: '上海明华贸易有限公司', regionCode: 'AS', country: 'CN' });
    await app.call('contacts.create', {
      customerId: ming.id,
      name: '张伟',
      channels: [
        { kind: 'email', value: 'zhang.wei@minghua.cn' },
        { kind: 'phone', value: '+86 138-1234-5678' },
      ],
    });
    const other = await app.call('customers.create', { name: 'Hamburg Tools GmbH', regionCode: 'EU', country: 'DE' });
    await app.call('contacts.create', { customerId: other.id, name: 'Anna Schmidt', channels: [{ kind: 'email', value: 'anna@hamburg-tools.de' }] });

    const names = async (search: string) => (await app.call('customers.list', { search })).rows.map((r) => r.name);
    expect(await names('明华')).toEqual(['Shanghai Minghua Trading']);
    expect(await names('张伟')).toEqual(['Shanghai Minghua Trading']);
    expect(await names('明华贸易')).toEqual(['Shanghai Minghua Trading']);
    expect(await names('华明')).toEqual([]);
    expect(await names('hamb')).toEqual(['Hamburg Tools GmbH']);
    expect(await names('anna@hamburg')).toEqual(['Hamburg Tools GmbH']);
    expect(await names('zhang.wei')).toEqual(['Shanghai Minghua Trading']);
    expect(await names('13812345678')).toEqual(['Shanghai Minghua Trading']);
    expect(await names('EU-001')).toEqual(['Hamburg Tools GmbH']);
    expect(await names('"')).toHaveLength(2);
  });
});

describe('filters and sort', () => {
  it('filters by grade, owner, tag and last contact, and sorts', async () => {
    const owner = await app.call('owners.create', { name: 'Li Na' });
    const a = await app.call('customers.create', { name: 'Alpha', regionCode: 'EU', grade: 'A', ownerId: owner.id, tags: ['fair2026'] });
    await app.call('customers.create', { name: 'Beta', regionCode: 'EU', grade: 'B' });
    await app.call('customers.create', { name: 'gamma', regionCode: 'NA', grade: 'A', country: 'US' });
    await app.call('activities.create', { customerId: a.id, kind: 'call', occurredAt: T0 - 2 * DAY });
    const tags = await app.call('tags.list', {});
    const list = async (q: Parameters<TempCore['call']>[1]) => (await app.call('customers.list', q as object)).rows.map((r) => r.name);
    expect(await list({ grades: ['A'] })).toEqual(['Alpha', 'gamma']);
    expect(await list({ ownerIds: [owner.id] })).toEqual(['Alpha']);
    expect(await list({ ownerIds: [''] })).toEqual(['Beta', 'gamma']);
    expect(await list({ tagIds: [tags[0]!.id] })).toEqual(['Alpha']);
    expect(await list({ lastContact: 'within7' })).toEqual(['Alpha']);
    expect(await list({ lastContact: 'never' })).toEqual(['Beta', 'gamma']);
    expect(await list({ countries: ['US'] })).toEqual(['gamma']);
    expect(await list({ sort: 'name', dir: 'desc' })).toEqual(['gamma', 'Beta', 'Alpha']);
    const searched = await app.call('customers.list', { search: 'a', grades: ['A'], limit: 1 });
    expect([searched.total, searched.rows.map((r) => r.name)]).toEqual([2, ['Alpha']]);
    const beyond = await app.call('customers.list', { search: 'a', grades: ['A'], offset: 5 });
    expect([beyond.total, beyond.rows]).toEqual([2, []]);
    const page = await app.call('customers.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(1);
  });
});

describe('soft delete, trash and transfer', () => {
  it('removes to the trash and restores', async () => {
    const c = await app.call('customers.create', { name: 'Gone Soon', regionCode: 'EU' });
    expect((await app.call('customers.remove', { ids: [c.id] })).count).toBe(1);
    expect((await app.call('customers.list', {})).total).toBe(0);
    const trash = await app.call('customers.listTrash', {});
    expect(trash.rows.map((r) => r.id)).toEqual([c.id]);
    await app.call('customers.restore', { ids: [c.id] });
    expect((await app.call('customers.list', {})).rows.map((r) => r.id)).toEqual([c.id]);
    expect((await app.call('customers.listTrash', {})).total).toBe(0);
  });

  it('transfers customers between owners in bulk', async () => {
    const from = await app.call('owners.create', { name: 'Wang' });
    const to = await app.call('owners.create', { name: 'Chen' });
    const ids = [];
    for (const name of ['One', 'Two', 'Three']) ids.push((await app.call('customers.create', { name, regionCode: 'EU', ownerId: from.id })).id);
    expect((await app.call('customers.transfer', { ids: ids.slice(0, 2), toOwnerId: to.id })).count).toBe(2);
    const owners = await app.call('owners.list', {});
    expect(owners.find((o) => o.id === to.id)?.customerCount).toBe(2);
    expect(owners.find((o) => o.id === from.id)?.customerCount).toBe(1);
    const bad = await app.fail('customers.transfer', { ids, toOwnerId: 'no-such-owner' });
    expect(bad.code).toBe('notFound');
    expect((await app.call('owners.list', {})).find((o) => o.id === from.id)?.customerCount).toBe(1);
  });
});

describe('custom fields and tags', () => {
  it('stores typed values and rejects a wrong type naming the field', async () => {
    const size = await app.call('customFields.create', { label: 'Annual volume', type: 'number' });
    const kind = await app.call('customFields.create', { label: 'Buyer type', type: 'select', options: ['Importer', 'Retailer'] });
    const c = await app.call('customers.create', { name: 'Fields Co', regionCode: 'EU', customFields: { [size.id]: 1200, [kind.id]: 'Retailer' }, tags: ['vip', 'VIP', 'fair'] });
    expect(c.customFields).toEqual({ [size.id]: 1200, [kind.id]: 'Retailer' });
    expect(c.tags).toEqual(['fair', 'vip']);
    const err = await app.fail('customers.update', { id: c.id, name: 'Fields Co', regionCode: 'EU', customFields: { [kind.id]: 'Wholesaler' } });
    expect(err.fieldErrors).toContainEqual({ path: `customFields.${kind.id}`, message: 'validation.invalidChoice' });
    expect((await app.call('customers.get', { id: c.id })).customFields[kind.id]).toBe('Retailer');
  });

  it(`allows as many field definitions as one customer's call may carry values (${MAX_CUSTOM_FIELDS})`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < MAX_CUSTOM_FIELDS; i++) ids.push((await app.call('customFields.create', { label: `Field ${i}`, type: 'text' })).id);
    const more = await app.fail('customFields.create', { label: 'One too many', type: 'text' });
    expect(more.fieldErrors).toEqual([{ path: 'label', message: 'errors.tooManyCustomFields', params: { max: MAX_CUSTOM_FIELDS } }]);
    expect((await app.call('customFields.list', {})).length).toBe(MAX_CUSTOM_FIELDS);
    // The form sends every field; with all of them set the customer still saves.
    const c = await app.call('customers.create', { name: 'Many Fields Co', regionCode: 'EU', customFields: Object.fromEntries(ids.map((id) => [id, 'v'])) });
    expect(Object.keys(c.customFields)).toHaveLength(MAX_CUSTOM_FIELDS);
    // Deleting one makes room again.
    await app.call('customFields.remove', { id: ids[0]! });
    await app.call('customFields.create', { label: 'Now it fits', type: 'text' });
  });
});
