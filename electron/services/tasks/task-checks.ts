import type { DbOrTx } from '../../../db/database.ts';
import type { TasksTable } from '../../../db/tables/tasks.tables.ts';
import { fail, type FieldError } from '../../../shared/contract/result.ts';
import type { RepeatRule, TaskKind, TaskPriority } from '../../../shared/domain/task-repeat.ts';
import { isLiveContactOf, liveCustomerOwner, messageExists, ownerExists, type TaskColumns } from './tasks.queries.ts';

/** A task's fields after defaults, as create and (merged with the stored row) update see them. */
export interface TaskFields {
  kind: TaskKind;
  title: string;
  notes: string | null;
  dueAt: number;
  durationMin: number | null;
  place: string | null;
  ownerId: string | null;
  customerId: string | null;
  contactId: string | null;
  messageId: string | null;
  priority: TaskPriority;
  repeat: RepeatRule | null;
}

/** Empty text is no text. */
export const orNull = (text: string | null | undefined): string | null => (text ? text : null);

/** The stored row as fields, for an update that changes some of them. */
export function storedFields(t: TasksTable): TaskFields {
  return {
    kind: t.kind,
    title: t.title,
    notes: t.notes,
    dueAt: t.due_at,
    durationMin: t.duration_min,
    place: t.place,
    ownerId: t.owner_id,
    customerId: t.customer_id,
    contactId: t.contact_id,
    messageId: t.message_id,
    priority: t.priority,
    repeat: t.repeat_unit && t.repeat_every ? { unit: t.repeat_unit, every: t.repeat_every } : null,
  };
}

/**
 * Checks every reference at once, so the form marks all its problems: a live customer, a live
 * contact of that customer (a contact needs its customer), a known owner and mail. Returns the
 * owner: the one given, else the customer's.
 */
export async function checkedOwner(db: DbOrTx, f: TaskFields): Promise<string | null> {
  const errors: FieldError[] = [];
  const customer = f.customerId ? await liveCustomerOwner(db, f.customerId) : undefined;
  if (f.customerId && !customer) errors.push({ path: 'customerId', message: 'tasks.errors.customerNotFound' });
  if (f.contactId && !f.customerId) errors.push({ path: 'contactId', message: 'tasks.errors.contactWithoutCustomer' });
  else if (f.contactId && f.customerId && customer && !(await isLiveContactOf(db, f.contactId, f.customerId))) {
    errors.push({ path: 'contactId', message: 'tasks.errors.contactNotOfCustomer' });
  }
  if (f.ownerId && !(await ownerExists(db, f.ownerId))) errors.push({ path: 'ownerId', message: 'tasks.errors.ownerNotFound' });
  if (f.messageId && !(await messageExists(db, f.messageId))) errors.push({ path: 'messageId', message: 'tasks.errors.messageNotFound' });
  if (errors.length) fail('validation', 'errors.validation', undefined, errors);
  return f.ownerId ?? customer?.owner_id ?? null;
}

/**
 * The columns to store. Only appointments have a duration and place. A repeating task counts its
 * occurrences from `anchor` (its first due date); a new due date or rule starts the count again.
 */
export function taskColumns(f: TaskFields, ownerId: string | null, series: { anchor: number; index: number; repeatOf: string | null }): TaskColumns {
  const appointment = f.kind === 'appointment';
  return {
    kind: f.kind,
    title: f.title,
    notes: orNull(f.notes),
    due_at: f.dueAt,
    duration_min: appointment ? f.durationMin : null,
    place: appointment ? orNull(f.place) : null,
    owner_id: ownerId,
    customer_id: f.customerId,
    contact_id: f.contactId,
    message_id: f.messageId,
    priority: f.priority,
    repeat_unit: f.repeat?.unit ?? null,
    repeat_every: f.repeat?.every ?? null,
    repeat_anchor_at: f.repeat ? series.anchor : null,
    repeat_index: f.repeat ? series.index : 0,
    repeat_of_id: series.repeatOf,
  };
}
