import { sql, type RawBuilder } from 'kysely';
import type { DbOrTx } from '../../../db/database.ts';
import type { QuoteStatus } from '../../../db/tables/quotes.tables.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import { totalsByCurrency } from '../../../shared/domain/money.ts';

type Query = ParsedInput<'quotes.list'>;
type RowOut = CallOutput<'quotes.list'>['rows'][number];
type QuoteOut = CallOutput<'quotes.get'>;
const DAY = 86_400_000;
/** Quotes whose validity ends within this many days are "expiring" in the reminders view. */
export const EXPIRING_WITHIN_DAYS = 7;

/**
 * The status as of `now`: a sent quote past its validity is expired at once, before the hourly
 * run (expireDueQuotes) stores it, so no screen shows a dead quote as still open.
 */
export function effectiveStatus(now: number): RawBuilder<QuoteStatus> {
  return sql<QuoteStatus>`(CASE WHEN q.status = 'sent' AND q.valid_until < ${now} THEN 'expired' ELSE q.status END)`;
}

/** `%` and `_` typed by the user match themselves. */
function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function rowSelect(db: DbOrTx, now: number) {
  return db
    .selectFrom('quotes as q')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .select([
      'q.id',
      'q.number',
      'q.base_number',
      'q.revision',
      'q.superseded_by_id',
      'q.customer_id',
      'c.name as customer_name',
      'q.contact_id',
      'q.owner_id',
      'q.incoterm',
      'q.incoterm_port',
      'q.quoted_at',
      'q.valid_until',
      'q.sent_at',
      'q.decided_at',
      'q.follow_up_at',
    ])
    .select(effectiveStatus(now).as('status'))
    .where('q.deleted_at', 'is', null);
}
type RowRecord = Awaited<ReturnType<ReturnType<typeof rowSelect>['executeTakeFirstOrThrow']>>;

/** Totals per currency of each quote, in the order of its lines. */
async function totalsOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, RowOut['totals']>> {
  if (!ids.length) return new Map();
  const lines = await db
    .selectFrom('quote_lines')
    .select(['quote_id', 'currency', 'amount_e4'])
    .where('quote_id', 'in', ids)
    .orderBy('quote_id')
    .orderBy('seq')
    .execute();
  const byQuote = new Map<string, Array<{ currency: string; amountE4: number }>>();
  for (const l of lines) {
    const list = byQuote.get(l.quote_id) ?? [];
    list.push({ currency: l.currency, amountE4: l.amount_e4 });
    byQuote.set(l.quote_id, list);
  }
  return new Map([...byQuote].map(([id, list]) => [id, totalsByCurrency(list)]));
}

function toRow(r: RowRecord, totals: RowOut['totals']): RowOut {
  return {
    id: r.id,
    number: r.number,
    baseNumber: r.base_number,
    revision: r.revision,
    supersededById: r.superseded_by_id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    contactId: r.contact_id,
    ownerId: r.owner_id,
    status: r.status,
    incoterm: r.incoterm,
    incotermPort: r.incoterm_port,
    quotedAt: r.quoted_at,
    validUntil: r.valid_until,
    sentAt: r.sent_at,
    // Expired at read time: it expired when its validity ended.
    decidedAt: r.decided_at ?? (r.status === 'expired' ? r.valid_until : null),
    followUpAt: r.follow_up_at,
    totals,
  };
}

/** The list's filters, as conditions on `q` that fit the count's query and the page's (joined) one. */
function filters(q: Query, now: number): Array<RawBuilder<boolean>> {
  const out = [sql<boolean>`q.deleted_at IS NULL`];
  if (q.customerId) out.push(sql<boolean>`q.customer_id = ${q.customerId}`);
  if (q.ownerId) out.push(sql<boolean>`q.owner_id = ${q.ownerId}`);
  if (q.statuses.length) out.push(sql<boolean>`${effectiveStatus(now)} IN (${sql.join(q.statuses)})`);
  if (q.text) out.push(sql<boolean>`q.number LIKE ${likeText(q.text)} ESCAPE '\\'`);
  return out;
}

/**
 * One page of live quotes, newest first, filtered by customer, owner, status as of now and number.
 * The page walks quotes_quoted (or quotes_customer for one customer); the count needs no customer.
 */
export async function listQuotes(db: DbOrTx, q: Query, now: number): Promise<CallOutput<'quotes.list'>> {
  const [count, rows] = await Promise.all([
    filters(q, now).reduce((qb, cond) => qb.where(cond), db.selectFrom('quotes as q')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    listPage(db, q, now).execute(),
  ]);
  const totals = await totalsOf(db, rows.map((r) => r.id));
  return { total: Number(count.n), rows: rows.map((r) => toRow(r, totals.get(r.id) ?? [])) };
}

export function listPage(db: DbOrTx, q: Query, now: number) {
  return filters(q, now).reduce((qb, cond) => qb.where(cond), rowSelect(db, now)).orderBy('q.quoted_at', 'desc').orderBy('q.id', 'desc').limit(q.limit).offset(q.offset);
}

/** One live quote with its lines and every revision of its base number; undefined when there is none. */
export async function getQuote(db: DbOrTx, input: { id: string }, now: number): Promise<QuoteOut | undefined> {
  const row = await rowSelect(db, now)
    .leftJoin('contacts as ct', 'ct.id', 'q.contact_id')
    .select(['ct.name as contact_name', 'q.language', 'q.payment_terms', 'q.lead_time', 'q.moq', 'q.notes', 'q.pi_number', 'q.created_at', 'q.updated_at'])
    .where('q.id', '=', input.id)
    .executeTakeFirst();
  if (!row) return undefined;
  const lines = await db
    .selectFrom('quote_lines as l')
    .leftJoin('products as p', 'p.id', 'l.product_id')
    .selectAll('l')
    .select('p.deleted_at as product_deleted_at')
    .where('l.quote_id', '=', input.id)
    .orderBy('l.seq')
    .execute();
  const revisions = await db
    .selectFrom('quotes as q')
    .select(['q.id', 'q.number', 'q.revision', 'q.quoted_at'])
    .select(effectiveStatus(now).as('status'))
    .where('q.base_number', '=', row.base_number)
    .where('q.deleted_at', 'is', null)
    .orderBy('q.revision')
    .execute();
  const outLines = lines.map((l) => ({
    id: l.id,
    seq: l.seq,
    productId: l.product_id,
    productDeleted: l.product_id !== null && l.product_deleted_at !== null,
    model: l.model,
    description: l.description,
    spec: l.spec,
    quantity: l.quantity,
    unit: l.unit,
    unitPriceE4: l.unit_price_e4,
    currency: l.currency,
    amountE4: l.amount_e4,
  }));
  return {
    ...toRow(row, totalsByCurrency(outLines)),
    contactName: row.contact_name,
    language: row.language,
    paymentTerms: row.payment_terms,
    leadTime: row.lead_time,
    moq: row.moq,
    notes: row.notes,
    piNumber: row.pi_number,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lines: outLines,
    revisions: revisions.map((r) => ({ id: r.id, number: r.number, revision: r.revision, status: r.status, quotedAt: r.quoted_at })),
  };
}

/** Follow-ups due (still sent, follow_up_at passed) and sent quotes whose validity ends within 7 days. */
export async function quoteReminders(db: DbOrTx, _input: unknown, now: number): Promise<CallOutput<'quotes.reminders'>> {
  const open = db
    .selectFrom('quotes as q')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .select(['q.id', 'q.number', 'q.customer_id', 'c.name as customer_name', 'q.follow_up_at', 'q.valid_until'])
    .where('q.deleted_at', 'is', null)
    .where('q.status', '=', 'sent')
    .where('q.superseded_by_id', 'is', null)
    .where((eb) => eb.or([eb('q.valid_until', 'is', null), eb('q.valid_until', '>=', now)]));
  const [followUps, expiring] = await Promise.all([
    open.where('q.follow_up_at', '<=', now).orderBy('q.follow_up_at').limit(500).execute(),
    open.where('q.valid_until', '<=', now + EXPIRING_WITHIN_DAYS * DAY).orderBy('q.valid_until').limit(500).execute(),
  ]);
  const rows = [
    ...followUps.map((r) => ({ kind: 'followUp' as const, quoteId: r.id, number: r.number, customerId: r.customer_id, customerName: r.customer_name, dueAt: r.follow_up_at! })),
    ...expiring.map((r) => ({ kind: 'expiring' as const, quoteId: r.id, number: r.number, customerId: r.customer_id, customerName: r.customer_name, dueAt: r.valid_until! })),
  ];
  return { rows };
}
