import type { Db, DbOrTx, Tx } from '../../../db/database.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import type { TimelineActivityKind } from '../../../shared/domain/customer-enums.ts';
import { newId } from '../core/ids.ts';

type ActivityInput = ParsedInput<'activities.create'>;

/** Live activities with their contact and owner names, shaped as the contract's Activity. */
export function selectActivities(db: DbOrTx) {
  return db
    .selectFrom('activities as a')
    .leftJoin('contacts as ct', 'ct.id', 'a.contact_id')
    .leftJoin('owners as o', 'o.id', 'a.owner_id')
    .select([
      'a.id as id',
      'a.customer_id as customerId',
      'a.contact_id as contactId',
      'ct.name as contactName',
      'a.kind as kind',
      'a.direction as direction',
      'a.subject as subject',
      'a.body as body',
      'a.occurred_at as occurredAt',
      'o.name as ownerName',
      'a.created_at as createdAt',
    ])
    .where('a.deleted_at', 'is', null);
}

export function activityById(db: Db, id: string) {
  return selectActivities(db).where('a.id', '=', id).executeTakeFirst();
}

/** One page of a customer's live activities, newest first, and how many there are. */
export async function listActivities(db: Db, input: { customerId: string; offset: number; limit: number }) {
  const { customerId, offset, limit } = input;
  const rows = await selectActivities(db).where('a.customer_id', '=', customerId).orderBy('a.occurred_at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
  const total = await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return { total: Number(total.n), rows };
}

/** The owner of a live customer; undefined when the customer is missing or in the trash. */
export function liveCustomerOwner(db: Db, customerId: string): Promise<{ owner_id: string | null } | undefined> {
  return db.selectFrom('customers').select(['owner_id']).where('id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Whether the contact belongs to the customer (deleted or not: an old activity may name a deleted contact). */
export async function isContactOf(db: Db, contactId: string, customerId: string): Promise<boolean> {
  return (await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('customer_id', '=', customerId).executeTakeFirst()) !== undefined;
}

/** Inserts an activity owned by its customer's owner at the time; returns its id. */
export async function insertActivity(trx: Tx, input: ActivityInput, ownerId: string | null, now: number): Promise<string> {
  const id = newId();
  await trx
    .insertInto('activities')
    .values({ id, customer_id: input.customerId, contact_id: input.contactId, kind: input.kind, direction: input.direction, subject: input.subject, body: input.body, occurred_at: input.occurredAt, owner_id: ownerId, created_at: now, updated_at: now, deleted_at: null })
    .execute();
  return id;
}

/** The customer and kind of a live activity; undefined when there is no such activity. */
export function liveActivityCustomer(trx: Tx, id: string): Promise<{ customer_id: string; kind: TimelineActivityKind } | undefined> {
  return trx.selectFrom('activities').select(['customer_id', 'kind']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function updateActivity(trx: Tx, id: string, input: ActivityInput, now: number): Promise<void> {
  await trx
    .updateTable('activities')
    .set({ customer_id: input.customerId, contact_id: input.contactId, kind: input.kind, direction: input.direction, subject: input.subject, body: input.body, occurred_at: input.occurredAt, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Soft-deletes a live activity; returns the customers whose activity went (none or one). */
export async function softDeleteActivity(trx: Tx, id: string, now: number): Promise<string[]> {
  const rows = await trx.updateTable('activities').set({ deleted_at: now }).where('id', '=', id).where('deleted_at', 'is', null).returning('customer_id').execute();
  return rows.map((r) => r.customer_id);
}
