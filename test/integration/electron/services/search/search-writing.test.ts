import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';

/**
 * Issue 11, point 7: search covers what the salesperson wrote — activities' bodies, customer
 * notes and custom-field text — in search.all and in the customer list's own search.
 */

let app: TempCore;
const ids: Record<string, string> = {};

/** Names of the customers the list search and search.all find, each sorted. */
async function found(query: string): Promise<{ list: string[]; all: string[] }> {
  const list = await app.call('customers.list', { search: query, limit: 50 });
  const all = await app.call('search.all', { query, limit: 50 });
  expect(list.total).toBe(list.rows.length);
  expect(all.customers.total).toBe(list.total);
  return { list: list.rows.map((r) => r.name).sort(), all: all.customers.rows.map((r) => r.name).sort() };
}

async function expectFound(query: string, names: string[]): Promise<void> {
  const sorted = [...names].sort();
  expect(await found(query), query).toEqual({ list: sorted, all: sorted });
}

beforeAll(async () => {
  app = await createTempCore();
  const customer = async (name: string, extra: Record<string, unknown> = {}) => (await app.call('customers.create', { name, regionCode: 'EU', ...extra })).id;
  ids.call = await customer('Callisto Imports');
  ids.note = await customer('Notos Trading');
  ids.meeting = await customer('Mettler Goods');
  ids.visit = await customer('Visby Home');
  ids.notes = await customer('Nordic Lamps', { notes: '老客户，只做木质灯罩 walnut shades' });
  const field = await app.call('customFields.create', { label: 'Main product', type: 'text' });
  const volume = await app.call('customFields.create', { label: 'Annual volume', type: 'number' });
  ids.field = await customer('Fieldstone Ltd', { customFields: { [field.id]: '竹制托盘 bamboo trays', [volume.id]: 4711 } });
  ids.bystander = await customer('Bystander BV');

  const log = (customerId: string, kind: 'note' | 'call' | 'meeting' | 'visit', body: string, subject: string | null = null) =>
    app.call('activities.create', { customerId, kind, subject, body, occurredAt: T0 - DAY });
  ids.callActivity = (await log(ids.call, 'call', '客户要求先寄样品，报价 FOB Ningbo')).id;
  await log(ids.note, 'note', '包装要用中性纸箱 neutral cartons');
  await log(ids.meeting, 'meeting', '广交会见面，谈了年度框架协议', 'Canton Fair');
  await log(ids.visit, 'visit', '参观工厂，验货通过 inspection passed');
  await log(ids.bystander, 'call', 'Nothing to see here.');
});
afterAll(async () => {
  await app?.close();
  if (app) fs.rmSync(app.dataDir, { recursive: true, force: true });
});

describe('search over what the salesperson wrote', () => {
  it('finds the customer of a call by a Chinese word in its body and by a Latin word', async () => {
    await expectFound('报价', ['Callisto Imports']);
    await expectFound('样品', ['Callisto Imports']);
    await expectFound('Ningbo', ['Callisto Imports']);
    await expectFound('ningb', ['Callisto Imports']);
    // Words from the body and the name together.
    await expectFound('callisto 样品', ['Callisto Imports']);
    // 报样 shares characters, not a word.
    await expectFound('寄样品', ['Callisto Imports']);
    await expectFound('报样', []);
  });

  it('lists the matching activities themselves in search.all, with the words marked, and their customer', async () => {
    const r = await app.call('search.all', { query: '报价 ningbo' });
    expect(r.activities.more).toBe(false);
    expect(r.activities.rows).toHaveLength(1);
    const hit = r.activities.rows[0]!;
    expect(hit).toMatchObject({ id: ids.callActivity, customerId: ids.call, customerName: 'Callisto Imports', kind: 'call', occurredAt: T0 - DAY });
    expect(hit.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['报价', 'Ningbo']);
    const meeting = await app.call('search.all', { query: 'canton' });
    expect(meeting.activities.rows.map((a) => [a.kind, a.customerName, a.subject.filter((p) => p.hit).map((p) => p.text)])).toEqual([['meeting', 'Mettler Goods', ['Canton']]]);
    // Found by its name, not by what was written: no activity hit.
    expect((await app.call('search.all', { query: 'callisto' })).activities.rows).toEqual([]);
    // Every term must be in the activity itself.
    expect((await app.call('search.all', { query: 'callisto 报价' })).activities.rows).toEqual([]);
  });

  it('cuts the activity hits at the limit and says there are more', async () => {
    for (let i = 0; i < 3; i++) await app.call('activities.create', { customerId: ids.bystander, kind: 'note', body: `试产 trial run ${i}`, occurredAt: T0 - i * DAY });
    const r = await app.call('search.all', { query: '试产', limit: 2 });
    expect(r.activities.rows.map((a) => a.occurredAt)).toEqual([T0, T0 - DAY]);
    expect(r.activities.more).toBe(true);
  });

  it('finds notes, meetings (subject and body) and visits', async () => {
    await expectFound('纸箱', ['Notos Trading']);
    await expectFound('neutral', ['Notos Trading']);
    await expectFound('框架协议', ['Mettler Goods']);
    await expectFound('canton', ['Mettler Goods']);
    await expectFound('验货', ['Visby Home']);
  });

  it("finds a customer's own notes and the text of its custom fields", async () => {
    await expectFound('灯罩', ['Nordic Lamps']);
    await expectFound('walnut', ['Nordic Lamps']);
    await expectFound('托盘', ['Fieldstone Ltd']);
    await expectFound('bamboo', ['Fieldstone Ltd']);
  });

  it('follows edits of a customer, and the customer list filters still apply', async () => {
    await app.call('customers.update', { id: ids.notes, name: 'Nordic Lamps', regionCode: 'EU', notes: '改做藤编 rattan' });
    await expectFound('灯罩', []);
    await expectFound('藤编', ['Nordic Lamps']);
    const gradeA = await app.call('customers.list', { search: '报价', grades: ['A'] });
    const gradeC = await app.call('customers.list', { search: '报价', grades: ['C'] });
    expect(gradeA.total + gradeC.total).toBe(1);
  });

  it('follows an edited activity, one moved to another customer, and a deleted one', async () => {
    const activity = await app.call('activities.update', {
      id: ids.callActivity,
      customerId: ids.call,
      kind: 'call',
      direction: 'none',
      subject: null,
      body: '客户要求先寄样品，报价 FOB Shanghai',
      occurredAt: T0 - DAY,
    });
    expect(activity.body).toContain('Shanghai');
    await expectFound('Ningbo', []);
    await expectFound('shanghai', ['Callisto Imports']);

    await app.call('activities.update', { ...activity, kind: 'call', customerId: ids.bystander, contactId: null });
    await expectFound('报价', ['Bystander BV']);

    expect(await app.call('activities.remove', { id: ids.callActivity })).toEqual({ count: 1 });
    await expectFound('报价', []);
    expect((await app.call('search.all', { query: '报价' })).activities.rows).toEqual([]);
    await expectFound('样品', []);
    // The customer's other text is still found.
    await expectFound('bystander', ['Bystander BV']);
  });

  it('leaves customers in the trash out, and finds their calls again after a restore', async () => {
    await expectFound('验货', ['Visby Home']);
    await app.call('customers.remove', { ids: [ids.visit] });
    await expectFound('验货', []);
    await app.call('customers.restore', { ids: [ids.visit] });
    await expectFound('验货', ['Visby Home']);
  });

  it('does not list a contact of a customer found only by its calls', async () => {
    await app.call('contacts.create', { customerId: ids.meeting, name: 'Mia Meyer', channels: [{ kind: 'email', value: 'mia@mettler.example' }] });
    const r = await app.call('search.all', { query: '框架协议' });
    expect(r.customers.rows.map((c) => c.name)).toEqual(['Mettler Goods']);
    expect(r.contacts.rows).toEqual([]);
    const mia = await app.call('search.all', { query: 'mia' });
    expect(mia.contacts.rows.map((c) => c.name)).toEqual(['Mia Meyer']);
  });

  it('keeps what a merge brings along findable under the kept customer', async () => {
    await app.call('customers.merge', { targetId: ids.note, sourceIds: [ids.field] });
    await expectFound('纸箱', ['Notos Trading']);
    await expectFound('bamboo', ['Notos Trading']);
  });
});
