import type { RepeatUnit, TaskKind, TaskPriority } from '../../shared/domain/task-repeat.ts';

/** Tables of migration 0016 (issue 14 point 1): tasks and appointments. */
export interface TasksTable {
  id: string;
  kind: TaskKind;
  title: string;
  notes: string | null;
  /** A task's due date and time; an appointment's start. */
  due_at: number;
  /** Appointments: minutes. */
  duration_min: number | null;
  place: string | null;
  owner_id: string | null;
  customer_id: string | null;
  contact_id: string | null;
  /** The mail it follows up ("follow up on this mail in 3 days"). */
  message_id: string | null;
  priority: TaskPriority;
  repeat_unit: RepeatUnit | null;
  repeat_every: number | null;
  /** The series' first due date: every occurrence is counted from it (month ends stay). */
  repeat_anchor_at: number | null;
  /** Which occurrence of its series this is (0 for the first). */
  repeat_index: number;
  /** The occurrence whose completion created this one; unique, so a retried completion adds nothing. */
  repeat_of_id: string | null;
  done_at: number | null;
  /** The timeline entry (an activity of kind 'task') its completion wrote; reopening removes it. */
  activity_id: string | null;
  /** The customer's deleted_at, kept by triggers: a customer in the trash hides its tasks. */
  customer_deleted_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface TaskTables {
  tasks: TasksTable;
}
