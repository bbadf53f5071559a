import { z } from 'zod';
import { MAX_REPEAT_EVERY, REPEAT_UNITS, TASK_KINDS, TASK_PRIORITIES } from '../domain/task-repeat.ts';
import { EpochMs, Id, requiredText } from './primitives.ts';

/** Tasks and appointments (issue 14 point 1). */

export const TaskKind = z.enum(TASK_KINDS);
export const TaskPriority = z.enum(TASK_PRIORITIES);
export const TaskStatus = z.enum(['open', 'overdue', 'done', 'all', 'deleted']);
export const RepeatRule = z.object({ unit: z.enum(REPEAT_UNITS), every: z.number().int().min(1).max(MAX_REPEAT_EVERY) });

/** Longest appointment: two weeks (a trade fair trip). */
export const MAX_DURATION_MIN = 14 * 24 * 60;

/*
 * The fields of a task without transforms or defaults, so that an update can leave any of them out
 * (left out = unchanged; null = cleared). Empty text becomes null in the service.
 */
const fields = {
  kind: TaskKind,
  title: requiredText(300),
  notes: z.string().trim().max(10_000).nullable(),
  dueAt: EpochMs,
  /** Appointments: minutes. */
  durationMin: z.number().int().min(1).max(MAX_DURATION_MIN).nullable(),
  place: z.string().trim().max(300).nullable(),
  /** Empty means the customer's owner. */
  ownerId: Id.nullable(),
  customerId: Id.nullable(),
  /** A contact of the customer. */
  contactId: Id.nullable(),
  /** The mail it follows up. */
  messageId: Id.nullable(),
  priority: TaskPriority,
  repeat: RepeatRule.nullable(),
};

export const TaskInput = z.object({
  ...fields,
  kind: TaskKind.default('task'),
  notes: fields.notes.optional(),
  durationMin: fields.durationMin.optional(),
  place: fields.place.optional(),
  ownerId: fields.ownerId.optional(),
  customerId: fields.customerId.optional(),
  contactId: fields.contactId.optional(),
  messageId: fields.messageId.optional(),
  priority: TaskPriority.default('normal'),
  repeat: fields.repeat.optional(),
});

/** Any of the fields; a snooze is `{ id, dueAt }`. */
export const TaskUpdate = z.object(fields).partial().extend({ id: Id });

export const TaskRow = z.object({
  id: Id,
  kind: TaskKind,
  title: z.string(),
  dueAt: EpochMs,
  durationMin: z.number().nullable(),
  place: z.string().nullable(),
  priority: TaskPriority,
  repeat: RepeatRule.nullable(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  customerId: Id.nullable(),
  customerCode: z.string().nullable(),
  customerName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  messageId: Id.nullable(),
  doneAt: EpochMs.nullable(),
  createdAt: EpochMs,
  /** Set for a task in the trash. */
  deletedAt: EpochMs.nullable(),
});
export type TaskRow = z.infer<typeof TaskRow>;

export const Task = TaskRow.extend({
  notes: z.string().nullable(),
  /** The followed-up mail's subject (null when there is none, or it is gone). */
  messageSubject: z.string().nullable(),
  /** The occurrence its completion created (repeating tasks). */
  nextId: Id.nullable(),
  updatedAt: EpochMs,
});
export type Task = z.infer<typeof Task>;

export const TaskQuery = z.object({
  /** open: not done (soonest first); overdue: open and due before now; done: newest done first; deleted: the trash, newest first. */
  status: TaskStatus.default('open'),
  ownerId: Id.nullish().transform((v) => v ?? null),
  customerId: Id.nullish().transform((v) => v ?? null),
  /** Open ones due before this (e.g. the end of the user's day). */
  dueBefore: EpochMs.nullish().transform((v) => v ?? null),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

const ById = z.object({ id: Id });

/** What "follow up on this mail" fills in: the mail's subject, its customer and contact as filed, and a due date. */
export const TaskDraft = z.object({
  title: z.string(),
  dueAt: EpochMs,
  messageId: Id,
  customerId: Id.nullable(),
  customerCode: z.string().nullable(),
  customerName: z.string().nullable(),
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
});
export type TaskDraft = z.infer<typeof TaskDraft>;

export const taskCalls = {
  /** A page of live tasks and appointments by status, owner, customer and due date. */
  'tasks.list': { input: TaskQuery, output: z.object({ total: z.number(), rows: z.array(TaskRow) }) },
  'tasks.get': { input: ById, output: Task },
  /** A new task's fields for following up a mail in `days` days (nothing is written; tasks.create saves it). */
  'tasks.draftFromMessage': { input: z.object({ messageId: Id, days: z.number().int().min(0).max(365).default(3) }), output: TaskDraft },
  'tasks.create': { input: TaskInput, output: Task },
  /** Changes the given fields; `{ id, dueAt }` snoozes it. */
  'tasks.update': { input: TaskUpdate, output: Task },
  /**
   * Marks it done at `at` (default now). A customer's task writes its timeline entry (an activity
   * of kind 'task', which counts as contact); a repeating one creates its next occurrence. Done
   * already: returns it as it is, so a retry adds nothing.
   */
  'tasks.complete': { input: z.object({ id: Id, at: EpochMs.optional() }), output: Task },
  /** Undoes a completion: the timeline entry goes (last contact moves back) and an untouched next occurrence too. */
  'tasks.reopen': { input: ById, output: Task },
  /** Soft delete (the trash keeps it: tasks.restore). */
  'tasks.remove': { input: ById, output: z.object({ count: z.number() }) },
  'tasks.restore': { input: ById, output: Task },
} as const;
