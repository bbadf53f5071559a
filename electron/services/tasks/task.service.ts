import type { Tx } from '../../../db/database.ts';
import type { TasksTable } from '../../../db/tables/tasks.tables.ts';
import type { CallOutput, DATA_ENTITIES, ParsedInput } from '../../../shared/contract/contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { taskCalls } from '../../../shared/contract/tasks.contract.ts';
import { nextOccurrence } from '../../../shared/domain/task-repeat.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { reindexCustomerWriting } from '../customers/customer-index.queries.ts';
import { checkedOwner, orNull, storedFields, taskColumns, type TaskFields } from './task-checks.ts';
import {
  activityCustomer,
  getTask,
  insertTask,
  insertTaskActivity,
  listTasks,
  liveTask,
  messageFiling,
  nextOf,
  setActivityDeleted,
  setDeleted,
  setTaskActivity,
  updateTaskActivity,
  updateTaskColumns,
} from './tasks.queries.ts';

type Keys = keyof typeof taskCalls;
const DAY_MS = 86_400_000;
type TaskOut = CallOutput<'tasks.get'>;
type Update = ParsedInput<'tasks.update'>;

/**
 * Keeps a task's timeline entry in step with it: a live, done task of a customer has a live
 * activity of kind 'task' (at its done time, with its title and notes); any other has none, or a
 * deleted one kept for a later completion. The activity triggers move last contact; the customer's
 * search text is rewritten because it includes activity subjects.
 */
async function syncActivity(trx: Tx, t: TasksTable, now: number): Promise<void> {
  const wanted = t.done_at !== null && t.customer_id !== null && t.deleted_at === null;
  const customers = [t.customer_id];
  if (t.activity_id) {
    customers.push(await activityCustomer(trx, t.activity_id));
    if (wanted) await updateTaskActivity(trx, t.activity_id, t, t.done_at!, now);
    else await setActivityDeleted(trx, t.activity_id, now, now);
  } else if (wanted) {
    const activityId = newId();
    await insertTaskActivity(trx, activityId, t, t.done_at!, now);
    await setTaskActivity(trx, t.id, activityId);
  }
  await reindexCustomerWriting(trx, customers.filter((c): c is string => c !== null));
}

/**
 * The occurrence after a done repeating task, once: the unique repeat_of_id finds one already
 * made (a retried completion, or one reopened and done again: its deleted successor comes back).
 */
async function ensureNext(trx: Tx, t: TasksTable, now: number): Promise<void> {
  if (!t.repeat_unit || !t.repeat_every || t.repeat_anchor_at === null) return;
  const existing = await nextOf(trx, t.id);
  if (existing) {
    if (existing.deleted_at !== null) await setDeleted(trx, existing.id, null, now);
    return;
  }
  const rule = { unit: t.repeat_unit, every: t.repeat_every };
  const next = nextOccurrence(t.repeat_anchor_at, rule, t.repeat_index, now);
  const { id: _id, done_at: _d, activity_id: _a, customer_deleted_at: _cd, created_at: _c, updated_at: _u, deleted_at: _x, ...columns } = t;
  await insertTask(trx, newId(), { ...columns, due_at: next.dueAt, repeat_index: next.index, repeat_of_id: t.id }, now);
}

/** The fields an update leaves: the stored ones with the given ones over them. */
function merged(stored: TasksTable, input: Omit<Update, 'id'>): TaskFields {
  const f = storedFields(stored);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<TaskFields>;
  return { ...f, ...given, notes: orNull(given.notes === undefined ? f.notes : given.notes), place: orNull(given.place === undefined ? f.place : given.place) };
}

/** Tasks and appointments (issue 14 point 1). */
export function createTaskService(deps: ServiceDeps): { handlers: Pick<Handlers, Keys> } {
  const { db, clock, emit } = deps;
  const changed = (t: { customer_id: string | null }) => {
    const entities: (typeof DATA_ENTITIES)[number][] = t.customer_id ? ['tasks', 'activities', 'customers'] : ['tasks'];
    emit('data.changed', { entities });
  };

  async function get(id: string): Promise<TaskOut> {
    const task = await getTask(db, id);
    if (!task) fail('notFound', 'tasks.errors.notFound', { id });
    return task;
  }

  /** Runs `write` on the live task in a transaction; returns the row after it. */
  async function writeLive(id: string, write: (trx: Tx, t: TasksTable, now: number) => Promise<void>): Promise<TaskOut> {
    const before = await db.transaction().execute(async (trx) => {
      const t = await liveTask(trx, id);
      if (!t) fail('notFound', 'tasks.errors.notFound', { id });
      await write(trx, t, clock.now());
      return t;
    });
    changed(before);
    return get(id);
  }

  return {
    handlers: {
      'tasks.list': (input) => listTasks(db, input, clock.now()),
      'tasks.get': ({ id }) => get(id),
      'tasks.draftFromMessage': async ({ messageId, days }) => {
        const found = await messageFiling(db, messageId);
        if (!found) fail('notFound', 'tasks.errors.messageNotFound', { id: messageId });
        const f = found.filing;
        return {
          title: (found.subject ?? '').trim().slice(0, 300),
          dueAt: clock.now() + days * DAY_MS,
          messageId,
          customerId: f?.customer_id ?? null,
          customerCode: f?.customer_code ?? null,
          customerName: f?.customer_name ?? null,
          contactId: f?.contact_id ?? null,
          contactName: f?.contact_name ?? null,
        };
      },
      'tasks.create': async (input) => {
        const id = newId();
        const f: TaskFields = {
          ...input,
          notes: orNull(input.notes),
          durationMin: input.durationMin ?? null,
          place: orNull(input.place),
          ownerId: input.ownerId ?? null,
          customerId: input.customerId ?? null,
          contactId: input.contactId ?? null,
          messageId: input.messageId ?? null,
          repeat: input.repeat ?? null,
        };
        await db.transaction().execute(async (trx) => {
          const owner = await checkedOwner(trx, f);
          await insertTask(trx, id, taskColumns(f, owner, { anchor: f.dueAt, index: 0, repeatOf: null }), clock.now());
        });
        changed({ customer_id: f.customerId });
        return get(id);
      },
      'tasks.update': ({ id, ...input }) =>
        writeLive(id, async (trx, stored, now) => {
          const f = merged(stored, input);
          const owner = await checkedOwner(trx, f);
          // A new due date or rule starts the series' count again from it (a snooze moves the series).
          const sameSeries = f.dueAt === stored.due_at && f.repeat?.unit === stored.repeat_unit && f.repeat?.every === stored.repeat_every;
          const series = sameSeries ? { anchor: stored.repeat_anchor_at ?? f.dueAt, index: stored.repeat_index } : { anchor: f.dueAt, index: 0 };
          const columns = taskColumns(f, owner, { ...series, repeatOf: stored.repeat_of_id });
          await updateTaskColumns(trx, id, columns, now);
          if (stored.done_at !== null) await syncActivity(trx, { ...stored, ...columns }, now);
        }),
      'tasks.complete': ({ id, at }) =>
        writeLive(id, async (trx, stored, now) => {
          // Done already: a retry (a double click, a repeated request) changes nothing.
          if (stored.done_at !== null) return;
          const done = { ...stored, done_at: at ?? now };
          await updateTaskColumns(trx, id, { done_at: done.done_at }, now);
          await syncActivity(trx, done, now);
          await ensureNext(trx, done, now);
        }),
      'tasks.reopen': ({ id }) =>
        writeLive(id, async (trx, stored, now) => {
          if (stored.done_at === null) return;
          await updateTaskColumns(trx, id, { done_at: null }, now);
          await syncActivity(trx, { ...stored, done_at: null }, now);
          // Undoing the completion undoes the occurrence it created, unless that one is done too.
          const next = await nextOf(trx, id);
          if (next && next.deleted_at === null && next.done_at === null) await setDeleted(trx, next.id, now, now);
        }),
      'tasks.remove': async ({ id }) => {
        const now = clock.now();
        const removed = await db.transaction().execute(async (trx) => {
          const t = await setDeleted(trx, id, now, now);
          if (t) await syncActivity(trx, t, now);
          return t;
        });
        if (removed) changed(removed);
        return { count: removed ? 1 : 0 };
      },
      'tasks.restore': async ({ id }) => {
        const now = clock.now();
        const restored = await db.transaction().execute(async (trx) => {
          const t = await setDeleted(trx, id, null, now);
          if (!t) fail('notFound', 'tasks.errors.notFound', { id });
          await syncActivity(trx, t, now);
          return t;
        });
        changed(restored);
        return get(id);
      },
    },
  };
}
