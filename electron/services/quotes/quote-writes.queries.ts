import type { Db, DbOrTx, Tx } from '../../../db/database.ts';
import type { QuoteLinesTable, QuotesTable } from '../../../db/tables/quotes.tables.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import { amountE4 } from '../../../shared/domain/money.ts';
import { formatQuoteNumber, quoteNumberScope } from '../../../shared/domain/quote-number.ts';

type Fields = ParsedInput<'quotes.create'>;
type LineInput = Fields['lines'][number];
type HeaderColumns = Pick<
  QuotesTable,
  'customer_id' | 'contact_id' | 'owner_id' | 'language' | 'incoterm' | 'incoterm_port' | 'payment_terms' | 'valid_until' | 'lead_time' | 'moq' | 'notes'
>;

export function headerColumns(f: Omit<Fields, 'lines'>): HeaderColumns {
  return {
    customer_id: f.customerId,
    contact_id: f.contactId,
    owner_id: f.ownerId,
    language: f.language,
    incoterm: f.incoterm,
    incoterm_port: f.incotermPort,
    payment_terms: f.paymentTerms,
    valid_until: f.validUntil,
    lead_time: f.leadTime,
    moq: f.moq,
    notes: f.notes,
  };
}

/** The header columns of a stored quote (a revision copies them; status and dates start afresh). */
export function storedHeader(q: QuotesTable): HeaderColumns {
  const { customer_id, contact_id, owner_id, language, incoterm, incoterm_port, payment_terms, valid_until, lead_time, moq, notes } = q;
  return { customer_id, contact_id, owner_id, language, incoterm, incoterm_port, payment_terms, valid_until, lead_time, moq, notes };
}

/**
 * Takes the next number of the pattern's scope in its own transaction, committed before the
 * quote is saved: a crash in between loses a number, never hands it out twice. A number already
 * in quotes (a pattern changed back and forth, a restored counter) is skipped, deleted quotes'
 * numbers included.
 */
export async function allocateQuoteNumber(db: Db, pattern: string, now: number): Promise<string> {
  const scope = quoteNumberScope(pattern, now);
  return db.transaction().execute(async (trx) => {
    const counter = await trx.selectFrom('quote_number_counters').select('next_seq').where('scope', '=', scope).executeTakeFirst();
    let seq = counter?.next_seq ?? 1;
    let number = formatQuoteNumber(scope, seq);
    while (await trx.selectFrom('quotes').select('id').where('number', '=', number).executeTakeFirst()) number = formatQuoteNumber(scope, ++seq);
    await trx
      .insertInto('quote_number_counters')
      .values({ scope, next_seq: seq + 1 })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ next_seq: seq + 1 }))
      .execute();
    return number;
  });
}

export interface NewQuote {
  id: string;
  number: string;
  baseNumber: string;
  revision: number;
  header: HeaderColumns;
  piNumber?: string | null;
}

export async function insertQuote(trx: Tx, q: NewQuote, now: number): Promise<void> {
  await trx
    .insertInto('quotes')
    .values({
      ...q.header,
      id: q.id,
      number: q.number,
      base_number: q.baseNumber,
      revision: q.revision,
      status: 'draft',
      pi_number: q.piNumber ?? null,
      quoted_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** Replaces the quote's lines; each line's amount is computed here, never taken from the caller. */
export async function replaceLines(trx: Tx, quoteId: string, lines: readonly LineInput[], newId: () => string): Promise<void> {
  await trx.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  if (!lines.length) return;
  const rows: QuoteLinesTable[] = lines.map((l, seq) => ({
    id: newId(),
    quote_id: quoteId,
    seq,
    product_id: l.productId,
    model: l.model,
    description: l.description,
    spec: l.spec,
    quantity: l.quantity,
    unit: l.unit,
    unit_price_e4: l.unitPriceE4,
    currency: l.currency,
    amount_e4: amountE4(l.quantity, l.unitPriceE4),
  }));
  await trx.insertInto('quote_lines').values(rows).execute();
}

/** A quote's header and lines as they are stored, for a revision or a duplicate. */
export async function storedQuote(db: DbOrTx, id: string) {
  const quote = await db.selectFrom('quotes').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!quote) return undefined;
  const lines = await db.selectFrom('quote_lines').selectAll().where('quote_id', '=', id).orderBy('seq').execute();
  const inputs: LineInput[] = lines.map((l) => ({
    productId: l.product_id,
    model: l.model,
    description: l.description,
    spec: l.spec,
    quantity: l.quantity,
    unit: l.unit,
    unitPriceE4: l.unit_price_e4,
    currency: l.currency as LineInput['currency'],
  }));
  return { quote, lines: inputs };
}

export async function nextRevision(trx: Tx, baseNumber: string): Promise<number> {
  const row = await trx.selectFrom('quotes').select((eb) => eb.fn.max('revision').as('r')).where('base_number', '=', baseNumber).executeTakeFirst();
  return Number(row?.r ?? 0) + 1;
}

/** The products of these ids with their model and whether they are deleted (a missing id is absent). */
export async function productsOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, { model: string; deleted: boolean }>> {
  if (!ids.length) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'model', 'deleted_at']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, { model: r.model, deleted: r.deleted_at !== null }]));
}

export async function liveCustomerExists(db: DbOrTx, id: string): Promise<boolean> {
  return (await db.selectFrom('customers').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst()) !== undefined;
}

export async function contactOfCustomer(db: DbOrTx, contactId: string, customerId: string): Promise<boolean> {
  const row = await db.selectFrom('contacts').select('id').where('id', '=', contactId).where('customer_id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/**
 * Stores 'expired' on sent quotes whose validity has ended (the hourly work); decided_at is when
 * it ended, whenever this runs. Returns how many changed.
 */
export async function expireDueQuotes(db: DbOrTx, _input: unknown, now: number): Promise<number> {
  const result = await db
    .updateTable('quotes')
    .set((eb) => ({ status: 'expired', decided_at: eb.ref('valid_until'), updated_at: now }))
    .where('status', '=', 'sent')
    .where('valid_until', '<', now)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function liveQuoteStatus(db: DbOrTx, id: string): Promise<{ status: QuotesTable['status'] } | undefined> {
  return db.selectFrom('quotes').select('status').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function updateHeader(trx: Tx, id: string, header: HeaderColumns, now: number): Promise<void> {
  await trx.updateTable('quotes').set({ ...header, updated_at: now }).where('id', '=', id).execute();
}

export async function markSuperseded(trx: Tx, id: string, successorId: string, now: number): Promise<void> {
  await trx.updateTable('quotes').set({ superseded_by_id: successorId, updated_at: now }).where('id', '=', id).execute();
}

/**
 * Soft delete: the row (and so its number) stays. A deleted revision no longer supersedes the
 * one before it, which becomes the live one again (a new revision of it takes the next number).
 * Returns how many live quotes were deleted.
 */
export async function softDeleteQuote(trx: Tx, id: string, now: number): Promise<number> {
  const result = await trx.updateTable('quotes').set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  const count = Number(result.numUpdatedRows);
  if (count) await trx.updateTable('quotes').set({ superseded_by_id: null, updated_at: now }).where('superseded_by_id', '=', id).execute();
  return count;
}

/** Moves a quote's follow-up (Today's snooze), or clears it (followed up: null); 0 when there is no such live quote. */
export async function moveQuoteFollowUp(db: DbOrTx, id: string, until: number | null, now: number): Promise<number> {
  const r = await db.updateTable('quotes').set({ follow_up_at: until, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}
