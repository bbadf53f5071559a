import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tasksDue } from '../../../../../electron/services/tasks/tasks.queries.ts';
import { writeMbox } from '../../../../helpers/mail-archives.ts';
import { rfc822 } from '../../../../helpers/mail-test-kit.ts';
import { createTempCore, DAY, T0, type TempCore } from '../../../../helpers/temp-core.ts';
import { tempFolders } from '../../../../helpers/temp-folders.ts';

const folder = tempFolders('tf-tasks-');

const cores: TempCore[] = [];
afterEach(async () => {
  for (const c of cores.splice(0)) await c.close();
});

async function app(now = T0): Promise<TempCore> {
  const core = await createTempCore({ now });
  cores.push(core);
  return core;
}

/** A grade-A customer (contact every 30 days) with an owner and a contact, created 100 days ago. */
async function seeded(a: TempCore) {
  const owner = await a.call('owners.create', { name: 'Li Wei' });
  a.clock.set(T0 - 100 * DAY);
  const customer = await a.call('customers.create', { name: 'Acme Trading', regionCode: 'EU', grade: 'A', ownerId: owner.id });
  const contact = await a.call('contacts.create', { customerId: customer.id, name: 'Anna Schmidt' });
  a.clock.set(T0);
  return { owner, customer, contact };
}

describe('tasks', () => {
  it('creates, lists by status and owner, updates and snoozes a task, with the customer’s owner by default', async () => {
    const a = await app();
    const { owner, customer, contact } = await seeded(a);
    const task = await a.call('tasks.create', { title: '  Send the price list  ', dueAt: T0 + DAY, customerId: customer.id, contactId: contact.id, notes: '' });
    expect(task).toMatchObject({
      kind: 'task',
      title: 'Send the price list',
      notes: null,
      priority: 'normal',
      ownerId: owner.id,
      ownerName: 'Li Wei',
      customerName: 'Acme Trading',
      customerCode: customer.code,
      contactName: 'Anna Schmidt',
      doneAt: null,
      repeat: null,
      durationMin: null,
    });
    const meeting = await a.call('tasks.create', { kind: 'appointment', title: 'Visit at the fair', dueAt: T0 - DAY, durationMin: 90, place: 'Hall 3', priority: 'high' });
    expect(meeting).toMatchObject({ kind: 'appointment', durationMin: 90, place: 'Hall 3', priority: 'high', ownerId: null, customerId: null });
    // A task has no duration or place: only appointments keep them.
    const plain = await a.call('tasks.create', { title: 'Check stock', dueAt: T0 + 5 * DAY, durationMin: 30, place: 'Warehouse', ownerId: owner.id });
    expect(plain).toMatchObject({ durationMin: null, place: null });

    const titles = async (input: Record<string, unknown>) => (await a.call('tasks.list', input)).rows.map((r) => r.title);
    expect(await titles({})).toEqual(['Visit at the fair', 'Send the price list', 'Check stock']);
    expect(await titles({ status: 'overdue' })).toEqual(['Visit at the fair']);
    expect(await titles({ ownerId: owner.id })).toEqual(['Send the price list', 'Check stock']);
    expect(await titles({ customerId: customer.id })).toEqual(['Send the price list']);
    expect(await titles({ dueBefore: T0 + 2 * DAY })).toEqual(['Visit at the fair', 'Send the price list']);

    // A snooze is an update of the due date alone; nothing else changes.
    const snoozed = await a.call('tasks.update', { id: task.id, dueAt: T0 + 10 * DAY });
    expect(snoozed).toMatchObject({ dueAt: T0 + 10 * DAY, title: 'Send the price list', contactId: contact.id, ownerId: owner.id });
    expect(await titles({})).toEqual(['Visit at the fair', 'Check stock', 'Send the price list']);
    const cleared = await a.call('tasks.update', { id: task.id, contactId: null, notes: 'Ask for the new catalogue', priority: 'low' });
    expect(cleared).toMatchObject({ contactId: null, notes: 'Ask for the new catalogue', priority: 'low', dueAt: T0 + 10 * DAY });

    const due = await tasksDue(a.core.database().db, { until: T0 + 6 * DAY, limit: 1 }, T0);
    expect(due.total).toBe(2);
    expect(due.rows.map((r) => r.title)).toEqual(['Visit at the fair']);
    expect((await tasksDue(a.core.database().db, { until: T0 + 30 * DAY, ownerId: owner.id, limit: 10 }, T0)).rows.map((r) => [r.title, r.customerName])).toEqual([
      ['Check stock', null],
      ['Send the price list', 'Acme Trading'],
    ]);
  });

  it('names every bad field in one validation error', async () => {
    const a = await app();
    const { customer } = await seeded(a);
    const other = await a.call('customers.create', { name: 'Beta GmbH', regionCode: 'EU' });
    const strangers = await a.call('contacts.create', { customerId: other.id, name: 'Bob' });
    const title = await a.fail('tasks.create', { title: '   ', dueAt: T0 });
    expect(title.code).toBe('validation');
    expect(title.fieldErrors?.map((e) => e.path)).toContain('title');
    const refs = await a.fail('tasks.create', { title: 'x', dueAt: T0, customerId: customer.id, contactId: strangers.id, ownerId: 'no-such-owner', messageId: 'no-such-mail' });
    expect(refs.fieldErrors).toEqual([
      { path: 'contactId', message: 'tasks.errors.contactNotOfCustomer' },
      { path: 'ownerId', message: 'tasks.errors.ownerNotFound' },
      { path: 'messageId', message: 'tasks.errors.messageNotFound' },
    ]);
    expect((await a.fail('tasks.create', { title: 'x', dueAt: T0, contactId: strangers.id })).fieldErrors).toEqual([{ path: 'contactId', message: 'tasks.errors.contactWithoutCustomer' }]);
    await a.call('customers.remove', { ids: [other.id] });
    expect((await a.fail('tasks.create', { title: 'x', dueAt: T0, customerId: other.id })).fieldErrors).toEqual([{ path: 'customerId', message: 'tasks.errors.customerNotFound' }]);
    expect((await a.fail('tasks.create', { title: 'x', dueAt: T0, repeat: { unit: 'month', every: 0 } })).code).toBe('validation');
    expect((await a.fail('tasks.update', { id: 'nope', title: 'x' })).code).toBe('notFound');
  });

  it('completing writes a timeline entry that counts as contact; reopening puts last contact and "Not contacted" back', async () => {
    const a = await app();
    const { customer } = await seeded(a);
    const before = await a.call('customers.get', { id: customer.id });
    expect(before.lastContactedAt).toBeNull();
    const overdue = async () => (await a.call('reminders.notContacted', { offset: 0, limit: 50 })).rows.map((r) => r.name);
    expect(await overdue()).toEqual(['Acme Trading']);

    const task = await a.call('tasks.create', { title: 'Call about the sample feedback', notes: 'They liked BV-100', dueAt: T0 - DAY, customerId: customer.id });
    a.clock.set(T0 + 3_600_000);
    const done = await a.call('tasks.complete', { id: task.id });
    expect(done.doneAt).toBe(T0 + 3_600_000);
    const after = await a.call('customers.get', { id: customer.id });
    expect(after.lastContactedAt).toBe(T0 + 3_600_000);
    expect(await overdue()).toEqual([]);
    const timeline = await a.call('customers.timeline', { customerId: customer.id, offset: 0, limit: 10 });
    expect(timeline.rows).toMatchObject([{ type: 'activity', at: T0 + 3_600_000, activity: { kind: 'task', subject: 'Call about the sample feedback', body: 'They liked BV-100', ownerName: 'Li Wei' } }]);
    expect((await a.call('tasks.list', { status: 'done' })).rows.map((r) => r.id)).toEqual([task.id]);
    expect((await a.call('tasks.list', {})).rows).toEqual([]);

    // The entry follows its task: it is not edited or deleted as an activity.
    const entry = timeline.rows[0]!.type === 'activity' ? timeline.rows[0]!.activity : null;
    expect((await a.fail('activities.update', { ...entry!, kind: 'note' })).message).toBe('tasks.errors.activityOfTask');
    expect((await a.fail('activities.remove', { id: entry!.id })).message).toBe('tasks.errors.activityOfTask');
    // A retry of the same completion changes nothing.
    a.clock.advance(DAY);
    expect((await a.call('tasks.complete', { id: task.id })).doneAt).toBe(T0 + 3_600_000);
    expect((await a.call('customers.timeline', { customerId: customer.id, offset: 0, limit: 10 })).total).toBe(1);

    const reopened = await a.call('tasks.reopen', { id: task.id });
    expect(reopened.doneAt).toBeNull();
    expect((await a.call('customers.get', { id: customer.id })).lastContactedAt).toBeNull();
    expect(await overdue()).toEqual(['Acme Trading']);
    expect((await a.call('customers.timeline', { customerId: customer.id, offset: 0, limit: 10 })).total).toBe(0);

    // Done again, then deleted: the entry goes with the task, and comes back with its restore.
    await a.call('tasks.complete', { id: task.id, at: T0 + 2 * DAY });
    expect((await a.call('customers.get', { id: customer.id })).lastContactedAt).toBe(T0 + 2 * DAY);
    expect(await a.call('tasks.remove', { id: task.id })).toEqual({ count: 1 });
    expect(await a.call('tasks.remove', { id: task.id })).toEqual({ count: 0 });
    expect((await a.call('customers.get', { id: customer.id })).lastContactedAt).toBeNull();
    expect((await a.fail('tasks.complete', { id: task.id })).code).toBe('notFound');
    expect((await a.call('tasks.list', { status: 'deleted' })).rows).toMatchObject([{ id: task.id, deletedAt: T0 + DAY + 3_600_000 }]);
    expect((await a.call('tasks.restore', { id: task.id })).deletedAt).toBeNull();
    expect((await a.call('tasks.list', { status: 'deleted' })).total).toBe(0);
    expect((await a.call('customers.get', { id: customer.id })).lastContactedAt).toBe(T0 + 2 * DAY);
    // Editing a done task keeps its entry in step.
    await a.call('tasks.update', { id: task.id, title: 'Called about the samples' });
    expect((await a.call('customers.timeline', { customerId: customer.id, offset: 0, limit: 10 })).rows).toMatchObject([{ activity: { kind: 'task', subject: 'Called about the samples' } }]);
  });

  it('a monthly task from Jan 31 comes back Feb 28, then Mar 31; a retried completion creates one next occurrence', async () => {
    const jan31 = Date.UTC(2027, 0, 31, 9);
    const a = await app(Date.UTC(2027, 0, 20));
    const task = await a.call('tasks.create', { title: 'Monthly statement', dueAt: jan31, repeat: { unit: 'month', every: 1 } });
    expect(task.repeat).toEqual({ unit: 'month', every: 1 });
    a.clock.set(Date.UTC(2027, 0, 31, 10));
    const [first, retry] = await Promise.all([a.call('tasks.complete', { id: task.id }), a.call('tasks.complete', { id: task.id })]);
    expect(first.nextId).not.toBeNull();
    expect(retry.nextId).toBe(first.nextId);
    const open = await a.call('tasks.list', {});
    expect(open.rows.map((r) => new Date(r.dueAt).toISOString())).toEqual(['2027-02-28T09:00:00.000Z']);
    expect((await a.call('tasks.complete', { id: task.id })).nextId).toBe(first.nextId);
    expect((await a.call('tasks.list', { status: 'all' })).total).toBe(2);

    a.clock.set(Date.UTC(2027, 1, 28, 12));
    const feb = await a.call('tasks.complete', { id: first.nextId! });
    const march = await a.call('tasks.get', { id: feb.nextId! });
    expect(new Date(march.dueAt).toISOString()).toBe('2027-03-31T09:00:00.000Z');
    expect(march).toMatchObject({ title: 'Monthly statement', repeat: { unit: 'month', every: 1 }, doneAt: null });

    // Reopening February takes back the March occurrence it made; done again, the same one returns.
    await a.call('tasks.reopen', { id: feb.id });
    expect((await a.call('tasks.list', {})).rows.map((r) => r.id)).toEqual([feb.id]);
    const again = await a.call('tasks.complete', { id: feb.id });
    expect(again.nextId).toBe(march.id);
    expect((await a.call('tasks.list', {})).rows.map((r) => r.id)).toEqual([march.id]);
  });

  it('every 2 weeks, done late: the next occurrence is the first one still ahead', async () => {
    const a = await app();
    const task = await a.call('tasks.create', { title: 'Check the Alibaba inquiries', dueAt: T0, repeat: { unit: 'week', every: 2 } });
    a.clock.set(T0 + 30 * DAY);
    const done = await a.call('tasks.complete', { id: task.id });
    expect((await a.call('tasks.get', { id: done.nextId! })).dueAt).toBe(T0 + 42 * DAY);
    // A new due date restarts the series from it.
    const daily = await a.call('tasks.create', { title: 'Daily', dueAt: T0 + 31 * DAY, repeat: { unit: 'day', every: 3 } });
    await a.call('tasks.update', { id: daily.id, dueAt: T0 + 32 * DAY });
    const next = await a.call('tasks.complete', { id: daily.id });
    expect((await a.call('tasks.get', { id: next.nextId! })).dueAt).toBe(T0 + 35 * DAY);
  });

  it('a customer in the trash hides its tasks from the lists and Today, and its restore brings them back', async () => {
    const a = await app();
    const { customer } = await seeded(a);
    await a.call('tasks.create', { title: 'Of the customer', dueAt: T0 - DAY, customerId: customer.id });
    await a.call('tasks.create', { title: 'Of nobody', dueAt: T0 });
    const titles = async () => (await a.call('tasks.list', {})).rows.map((r) => r.title);
    const due = async () => (await tasksDue(a.core.database().db, { until: T0 + DAY, limit: 10 }, T0)).total;
    expect(await titles()).toEqual(['Of the customer', 'Of nobody']);
    await a.call('customers.remove', { ids: [customer.id] });
    expect(await titles()).toEqual(['Of nobody']);
    expect(await due()).toBe(1);
    await a.call('customers.restore', { ids: [customer.id] });
    expect(await titles()).toEqual(['Of the customer', 'Of nobody']);
    expect(await due()).toBe(2);
  });

  it('follows the customer through a merge, and goes with a customer that is erased', async () => {
    const a = await app();
    const { customer } = await seeded(a);
    const task = await a.call('tasks.create', { title: 'Quote follow-up', dueAt: T0, customerId: customer.id });
    const kept = await a.call('customers.create', { name: 'Acme Trading Ltd', regionCode: 'EU' });
    await a.call('customers.merge', { targetId: kept.id, sourceIds: [customer.id] });
    expect(await a.call('tasks.get', { id: task.id })).toMatchObject({ customerId: kept.id, customerName: 'Acme Trading Ltd' });
    const { db } = a.core.database();
    await db.deleteFrom('customers').where('id', '=', customer.id).execute();
    expect((await a.call('tasks.get', { id: task.id })).customerId).toBe(kept.id);
    const gone = await a.call('tasks.create', { title: 'Erased with its customer', dueAt: T0, customerId: kept.id });
    await db.deleteFrom('customers').where('id', '=', kept.id).execute();
    expect((await a.fail('tasks.get', { id: gone.id })).code).toBe('notFound');
  });

  it('a follow-up of a mail takes its subject, its customer and contact as filed, and a due date 3 days on; the task links the mail', async () => {
    const a = await app();
    const { owner, customer, contact } = await seeded(a);
    await a.call('contacts.update', { ...contact, channels: [{ kind: 'email', value: 'anna@acme.de' }] });
    const archive = path.join(folder(), 'anna.mbox');
    writeMbox(archive, [rfc822({ from: 'Anna <anna@acme.de>', to: 'li.wei@mytrade.cn', subject: 'RE: price of BV-100', body: 'Can you do better?', messageId: 'a1@acme.de', date: new Date(T0 - DAY) })], { variant: 'mboxrd' });
    await a.call('imports.startMail', { path: archive, ownerId: owner.id, ownAddresses: [] });
    await a.core.imports().whenIdle();
    const { id: messageId } = a.core.database().sqlite.prepare(`SELECT id FROM mail_messages WHERE message_id = 'a1@acme.de'`).get() as { id: string };

    const draft = await a.call('tasks.draftFromMessage', { messageId });
    expect(draft).toEqual({ title: 'RE: price of BV-100', dueAt: T0 + 3 * DAY, messageId, customerId: customer.id, customerCode: customer.code, customerName: 'Acme Trading', contactId: contact.id, contactName: 'Anna Schmidt' });
    const task = await a.call('tasks.create', { ...draft, title: `Follow up: ${draft.title}` });
    expect(task).toMatchObject({ messageId, messageSubject: 'RE: price of BV-100', customerId: customer.id, contactId: contact.id, ownerId: owner.id, dueAt: T0 + 3 * DAY });
    expect((await a.fail('tasks.draftFromMessage', { messageId: 'gone' })).code).toBe('notFound');
  });
});
