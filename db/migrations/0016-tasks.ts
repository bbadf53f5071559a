import { sql, type Kysely } from 'kysely';

/**
 * Tasks and appointments (issue 14 point 1).
 *
 * A done task of a customer counts as contact through an activity of kind 'task' that its
 * completion writes (tasks.activity_id) and reopening soft-deletes: the activity triggers of 0002
 * then move customers.last_contacted_at and due_at, with no second source of "last contact" to
 * keep in step, and the timeline shows it as it shows every activity. activities.kind has no
 * CHECK, so the new kind needs no table rebuild.
 *
 * A repeating task's next occurrence points at the one it follows (repeat_of_id, unique): a
 * completion retried after a crash or a double click finds it and adds nothing.
 *
 * A customer erased (a contact import's undo) takes its tasks with it; a deleted contact, owner
 * or mail leaves the task without them. Each referencing column has an index, so those deletes
 * do not scan the table.
 *
 * A customer in the trash hides its tasks. customer_deleted_at mirrors the customer's deleted_at
 * (triggers below, for every writer: trash, restore, merge), so the lists and Today's count read
 * the partial indexes alone: filtering by a join to customers cost ~200 ms per count of 74,000
 * due tasks against ~7 ms without it (test/bench/tasks.bench.ts).
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE tasks (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('task', 'appointment')),
      title TEXT NOT NULL,
      notes TEXT,
      due_at INTEGER NOT NULL,
      duration_min INTEGER CHECK (duration_min > 0),
      place TEXT,
      owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
      customer_id TEXT REFERENCES customers(id) ON DELETE CASCADE,
      contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
      message_id TEXT REFERENCES mail_messages(id) ON DELETE SET NULL,
      priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high')),
      repeat_unit TEXT CHECK (repeat_unit IN ('day', 'week', 'month')),
      repeat_every INTEGER CHECK (repeat_every > 0),
      repeat_anchor_at INTEGER,
      repeat_index INTEGER NOT NULL DEFAULT 0,
      repeat_of_id TEXT REFERENCES tasks(id) ON DELETE SET NULL,
      done_at INTEGER,
      activity_id TEXT REFERENCES activities(id) ON DELETE SET NULL,
      customer_deleted_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER,
      CHECK ((repeat_unit IS NULL) = (repeat_every IS NULL))
    )`,
    // Today and the Tasks page: open tasks by due date, all owners or one (tasksDue, listTasks).
    sql`CREATE INDEX tasks_open_due ON tasks (due_at, id) WHERE done_at IS NULL AND deleted_at IS NULL AND customer_deleted_at IS NULL`,
    sql`CREATE INDEX tasks_owner_open_due ON tasks (owner_id, due_at, id) WHERE done_at IS NULL AND deleted_at IS NULL AND customer_deleted_at IS NULL`,
    // Done tasks, newest first.
    sql`CREATE INDEX tasks_done ON tasks (done_at, id) WHERE done_at IS NOT NULL AND deleted_at IS NULL AND customer_deleted_at IS NULL`,
    sql`CREATE INDEX tasks_owner_done ON tasks (owner_id, done_at, id) WHERE done_at IS NOT NULL AND deleted_at IS NULL AND customer_deleted_at IS NULL`,
    // A customer's tasks (its folder), and the cascade when a customer is erased.
    sql`CREATE INDEX tasks_customer ON tasks (customer_id, due_at, id)`,
    sql`CREATE INDEX tasks_contact ON tasks (contact_id) WHERE contact_id IS NOT NULL`,
    sql`CREATE INDEX tasks_message ON tasks (message_id) WHERE message_id IS NOT NULL`,
    sql`CREATE INDEX tasks_activity ON tasks (activity_id) WHERE activity_id IS NOT NULL`,
    // The trash, newest first.
    sql`CREATE INDEX tasks_deleted ON tasks (deleted_at, id) WHERE deleted_at IS NOT NULL`,
    sql`CREATE UNIQUE INDEX tasks_repeat_of ON tasks (repeat_of_id) WHERE repeat_of_id IS NOT NULL`,
    sql`CREATE TRIGGER tasks_customer_ai AFTER INSERT ON tasks WHEN NEW.customer_id IS NOT NULL BEGIN
      UPDATE tasks SET customer_deleted_at = (SELECT deleted_at FROM customers WHERE id = NEW.customer_id) WHERE id = NEW.id;
    END`,
    sql`CREATE TRIGGER tasks_customer_au AFTER UPDATE OF customer_id ON tasks BEGIN
      UPDATE tasks SET customer_deleted_at = (SELECT deleted_at FROM customers WHERE id = NEW.customer_id) WHERE id = NEW.id;
    END`,
    sql`CREATE TRIGGER customers_tasks_au AFTER UPDATE OF deleted_at ON customers WHEN OLD.deleted_at IS NOT NEW.deleted_at BEGIN
      UPDATE tasks SET customer_deleted_at = NEW.deleted_at WHERE customer_id = NEW.id;
    END`,
  ];
  for (const statement of statements) await statement.execute(db);
}
