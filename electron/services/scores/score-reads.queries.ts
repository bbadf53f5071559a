import type { Db, DbOrTx, Tx } from '../../../db/database.ts';
import type { StageSuggestionsTable } from '../../../db/tables/scores.tables.ts';
import type { StageSuggestion } from '../../../shared/contract/scores.contract.ts';

/** Reads and decisions of the score service's handlers (the passes are in score.queries.ts). */

export async function storedScore(db: Db, customerId: string) {
  return db.selectFrom('customer_scores').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
}

/** The customer's ordered value per currency with that currency's boundaries (null before the first pass took them). */
export async function moneyWithQuartiles(db: Db, customerId: string) {
  return db
    .selectFrom('customer_money as m')
    .leftJoin('score_quartiles as q', 'q.currency', 'm.currency')
    .select(['m.currency', 'm.total_e4', 'q.q1_e4', 'q.q2_e4', 'q.q3_e4'])
    .where('m.customer_id', '=', customerId)
    .orderBy('m.total_e4', 'desc')
    .execute();
}

function pendingRows(db: DbOrTx) {
  return db
    .selectFrom('stage_suggestions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id', 's.customer_id', 'c.code', 'c.name', 's.reason', 's.from_stage', 's.to_stage', 's.created_at'])
    .where('s.status', '=', 'pending')
    .where('c.deleted_at', 'is', null);
}

type PendingRow = Pick<StageSuggestionsTable, 'id' | 'customer_id' | 'reason' | 'from_stage' | 'to_stage' | 'created_at'> & { code: string; name: string };

export function toSuggestion(r: PendingRow): StageSuggestion {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.code,
    customerName: r.name,
    reason: r.reason,
    fromStage: r.from_stage,
    toStage: r.to_stage,
    createdAt: r.created_at,
  };
}

export async function pendingOfCustomer(db: Db, customerId: string): Promise<StageSuggestion[]> {
  const rows = await pendingRows(db).where('s.customer_id', '=', customerId).orderBy('s.created_at', 'desc').execute();
  return rows.map(toSuggestion);
}

/** All pending suggestions, newest first (stage_suggestions_pending). */
export async function pendingPage(db: Db, input: { offset: number; limit: number }): Promise<{ total: number; rows: StageSuggestion[] }> {
  const rows = await pendingRows(db).orderBy('s.created_at', 'desc').orderBy('s.id').limit(input.limit).offset(input.offset).execute();
  const count = await db
    .selectFrom('stage_suggestions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('s.status', '=', 'pending')
    .where('c.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { total: Number(count.n), rows: rows.map(toSuggestion) };
}

export async function pendingById(trx: Tx, id: string) {
  return trx.selectFrom('stage_suggestions').select(['customer_id', 'to_stage']).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
}

export async function decideSuggestion(trx: Tx, id: string, status: 'confirmed' | 'dismissed', now: number): Promise<void> {
  await trx.updateTable('stage_suggestions').set({ status, decided_at: now }).where('id', '=', id).execute();
}

/** A confirmed suggestion sets the stage; the customers_score_au trigger then queues the customer for a pass. */
export async function setCustomerStage(trx: Tx, customerId: string, stage: StageSuggestionsTable['to_stage'], now: number): Promise<void> {
  await trx.updateTable('customers').set({ stage, updated_at: now }).where('id', '=', customerId).where('deleted_at', 'is', null).execute();
}
