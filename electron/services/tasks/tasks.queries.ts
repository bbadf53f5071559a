import type { DbOrTx } from '../../../db/database.ts';
import { countUpTo } from '../core/count-up-to.queries.ts';
import type { TasksTable } from '../../../db/tables/tasks.tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { Task, TaskRow } from '../../../shared/contract/tasks.contract.ts';

type Query = ParsedInput<'tasks.list'>;
export type TaskColumns = Omit<TasksTable, 'id' | 'done_at' | 'activity_id' | 'customer_deleted_at' | 'created_at' | 'updated_at' | 'deleted_at'>;

/**
 * Live tasks; a task of a customer in the trash is hidden with it (customer_deleted_at, kept by
 * triggers, so counts need no join).
 */
function liveTasks(db: DbOrTx) {
  return db.selectFrom('tasks as t').where('t.deleted_at', 'is', null).where('t.customer_deleted_at', 'is', null);
}

/** The names a row shows, joined onto a filtered query for its page only. */
function withNames<Q extends ReturnType<typeof liveTasks>>(q: Q) {
  return q
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('contacts as ct', 'ct.id', 't.contact_id')
    .leftJoin('owners as o', 'o.id', 't.owner_id');
}

const ROW_COLUMNS = [
  't.id',
  't.kind',
  't.title',
  't.due_at',
  't.duration_min',
  't.place',
  't.priority',
  't.repeat_unit',
  't.repeat_every',
  't.owner_id',
  'o.name as owner_name',
  't.customer_id',
  'c.code as customer_code',
  'c.name as customer_name',
  't.contact_id',
  'ct.name as contact_name',
  't.message_id',
  't.done_at',
  't.created_at',
  't.deleted_at',
] as const;

type RawRow = Pick<TasksTable, 'id' | 'kind' | 'title' | 'due_at' | 'duration_min' | 'place' | 'priority' | 'repeat_unit' | 'repeat_every' | 'owner_id' | 'customer_id' | 'contact_id' | 'message_id' | 'done_at' | 'created_at' | 'deleted_at'> & {
  owner_name: string | null;
  customer_code: string | null;
  customer_name: string | null;
  contact_name: string | null;
};

function toRow(r: RawRow): TaskRow {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    dueAt: r.due_at,
    durationMin: r.duration_min,
    place: r.place,
    priority: r.priority,
    repeat: r.repeat_unit && r.repeat_every ? { unit: r.repeat_unit, every: r.repeat_every } : null,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    contactId: r.contact_id,
    contactName: r.contact_name,
    messageId: r.message_id,
    doneAt: r.done_at,
    createdAt: r.created_at,
    deletedAt: r.deleted_at,
  };
}

/** The query of one page, before its order: open ones walk tasks_open_due (or its owner twin), done ones tasks_done. */
function filtered(db: DbOrTx, q: Query, now: number) {
  // The trash: the user's deleted tasks (a trashed customer's are in the trash with it).
  let base = q.status === 'deleted' ? db.selectFrom('tasks as t').where('t.deleted_at', 'is not', null).where('t.customer_deleted_at', 'is', null) : liveTasks(db);
  if (q.ownerId) base = base.where('t.owner_id', '=', q.ownerId);
  if (q.customerId) base = base.where('t.customer_id', '=', q.customerId);
  if (q.status === 'done') return base.where('t.done_at', 'is not', null);
  if (q.status === 'all' || q.status === 'deleted') return base;
  base = base.where('t.done_at', 'is', null);
  const before = q.status === 'overdue' ? Math.min(now, q.dueBefore ?? now) : q.dueBefore;
  return before === null ? base : base.where('t.due_at', '<', before);
}

/** One page of live tasks: open and overdue soonest first, done newest done first, all by due date. */
export function listPage(db: DbOrTx, q: Query, now: number) {
  const base = withNames(filtered(db, q, now)).select(ROW_COLUMNS);
  const newest = { done: 't.done_at', deleted: 't.deleted_at' } as const;
  const ordered =
    q.status === 'done' || q.status === 'deleted' ? base.orderBy(newest[q.status], 'desc').orderBy('t.id', 'desc') : base.orderBy('t.due_at').orderBy('t.id');
  return ordered.limit(q.limit).offset(q.offset);
}

export async function listTasks(db: DbOrTx, q: Query, now: number): Promise<CallOutput<'tasks.list'>> {
  const [count, rows] = await Promise.all([filtered(db, q, now).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(), listPage(db, q, now).execute()]);
  return { total: Number(count.n), rows: rows.map(toRow) };
}

/** The open tasks and appointments due before `until` (overdue included), soonest first; served by tasks_open_due / tasks_owner_open_due. */
export function tasksDueQuery(db: DbOrTx, input: { until: number; ownerId?: string | null; kind?: TaskRow['kind'] }) {
  let base = liveTasks(db).where('t.done_at', 'is', null).where('t.due_at', '<', input.until);
  if (input.ownerId) base = base.where('t.owner_id', '=', input.ownerId);
  // Today shows tasks and appointments apart.
  if (input.kind) base = base.where('t.kind', '=', input.kind);
  return base;
}

/**
 * Today's seam: open tasks and appointments due before `until` (overdue included), soonest first,
 * with customer name and code, and how many there are in all. `now` is unused by the rule (overdue
 * is the caller's `dueAt < now`) and kept for the `(db, input, now)` shape.
 */
export async function tasksDue(
  db: DbOrTx,
  input: { until: number; ownerId?: string | null; kind?: TaskRow['kind']; limit: number; /** Count no further (Today's "100+"). */ countCap?: number },
  _now: number,
): Promise<{ total: number; rows: TaskRow[] }> {
  const base = tasksDueQuery(db, input);
  const [total, rows] = await Promise.all([
    input.countCap ? countUpTo(db, base, input.countCap) : base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n)),
    withNames(base).select(ROW_COLUMNS).orderBy('t.due_at').orderBy('t.id').limit(input.limit).execute(),
  ]);
  return { total, rows: rows.map(toRow) };
}

/** One task, deleted ones too; undefined when there is no such id. */
export async function getTask(db: DbOrTx, id: string): Promise<Task | undefined> {
  const t = await db
    .selectFrom('tasks as t')
    .leftJoin('customers as c', 'c.id', 't.customer_id')
    .leftJoin('contacts as ct', 'ct.id', 't.contact_id')
    .leftJoin('owners as o', 'o.id', 't.owner_id')
    .leftJoin('mail_messages as m', 'm.id', 't.message_id')
    .select(ROW_COLUMNS)
    .select(['t.notes', 'm.subject as message_subject', 't.updated_at'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!t) return undefined;
  const next = await nextOf(db, id);
  return { ...toRow(t), notes: t.notes, messageSubject: t.message_subject ?? null, nextId: next?.id ?? null, updatedAt: t.updated_at };
}

export async function insertTask(db: DbOrTx, id: string, columns: TaskColumns, now: number): Promise<void> {
  await db
    .insertInto('tasks')
    .values({ ...columns, id, done_at: null, activity_id: null, customer_deleted_at: null, created_at: now, updated_at: now, deleted_at: null })
    .execute();
}

export async function updateTaskColumns(db: DbOrTx, id: string, columns: Partial<TasksTable>, now: number): Promise<number> {
  const res = await db.updateTable('tasks').set({ ...columns, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The stored row of a live task (for a write's checks); undefined when there is none. */
export function liveTask(db: DbOrTx, id: string): Promise<TasksTable | undefined> {
  return db.selectFrom('tasks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The occurrence created by completing `id`, deleted or not. */
export function nextOf(db: DbOrTx, id: string): Promise<TasksTable | undefined> {
  return db.selectFrom('tasks').selectAll().where('repeat_of_id', '=', id).executeTakeFirst();
}

export async function setDeleted(db: DbOrTx, id: string, deletedAt: number | null, now: number): Promise<TasksTable | undefined> {
  return db
    .updateTable('tasks')
    .set({ deleted_at: deletedAt, updated_at: now })
    .where('id', '=', id)
    .where('deleted_at', deletedAt === null ? 'is not' : 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** A live customer's owner; undefined when the customer is missing or in the trash. */
export function liveCustomerOwner(db: DbOrTx, id: string): Promise<{ owner_id: string | null } | undefined> {
  return db.selectFrom('customers').select('owner_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function isLiveContactOf(db: DbOrTx, contactId: string, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('customer_id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

export async function ownerExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.selectFrom('owners').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function messageExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.selectFrom('mail_messages').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The timeline entry of a done task: an activity of kind 'task' at the time it was done. */
export async function insertTaskActivity(db: DbOrTx, id: string, t: TasksTable, at: number, now: number): Promise<void> {
  await db
    .insertInto('activities')
    .values({
      id,
      customer_id: t.customer_id!,
      contact_id: t.contact_id,
      kind: 'task',
      direction: 'none',
      subject: t.title,
      body: t.notes,
      occurred_at: at,
      owner_id: t.owner_id,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
}

/** Soft-deletes or restores a task's timeline entry; the activity triggers move last contact with it. */
export async function setActivityDeleted(db: DbOrTx, activityId: string, deletedAt: number | null, now: number): Promise<void> {
  await db.updateTable('activities').set({ deleted_at: deletedAt, updated_at: now }).where('id', '=', activityId).execute();
}

/** A task's entry back in step with it (live again, moved to its customer, with its words). */
export async function updateTaskActivity(db: DbOrTx, activityId: string, t: TasksTable, at: number, now: number): Promise<void> {
  await db
    .updateTable('activities')
    .set({ customer_id: t.customer_id!, contact_id: t.contact_id, subject: t.title, body: t.notes, owner_id: t.owner_id, occurred_at: at, deleted_at: null, updated_at: now })
    .where('id', '=', activityId)
    .execute();
}

export async function activityCustomer(db: DbOrTx, activityId: string): Promise<string | null> {
  const row = await db.selectFrom('activities').select('customer_id').where('id', '=', activityId).executeTakeFirst();
  return row?.customer_id ?? null;
}

export async function setTaskActivity(db: DbOrTx, taskId: string, activityId: string): Promise<void> {
  await db.updateTable('tasks').set({ activity_id: activityId }).where('id', '=', taskId).execute();
}

/**
 * A mail's subject and the customer (and contact) it is filed under: a live customer, filed by a
 * contact's address first, then by hand, then by domain; undefined when there is no such mail.
 */
export async function messageFiling(db: DbOrTx, messageId: string) {
  const message = await db.selectFrom('mail_messages').select(['id', 'subject']).where('id', '=', messageId).executeTakeFirst();
  if (!message) return undefined;
  const filing = await db
    .selectFrom('mail_message_customers as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .leftJoin('contacts as ct', (join) => join.onRef('ct.id', '=', 'f.contact_id').on('ct.deleted_at', 'is', null))
    .select(['c.id as customer_id', 'c.code as customer_code', 'c.name as customer_name', 'ct.id as contact_id', 'ct.name as contact_name'])
    .where('f.message_id', '=', messageId)
    .where('c.deleted_at', 'is', null)
    .orderBy((eb) => eb.case().when('f.match', '=', 'contact').then(0).when('f.match', '=', 'manual').then(1).else(2).end())
    .orderBy('c.name')
    .limit(1)
    .executeTakeFirst();
  return { subject: message.subject, filing };
}
