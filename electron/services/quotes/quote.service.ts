import type { Db, DbOrTx } from '../../../db/database.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { quoteCalls } from '../../../shared/contract/quotes.contract.ts';
import { fail, type FieldError } from '../../../shared/contract/result.ts';
import { DEFAULT_QUOTE_NUMBER_PATTERN, isQuoteNumberPattern, revisionNumber } from '../../../shared/domain/quote-number.ts';
import { DEFAULT_QUOTE_FOLLOW_UP_DAYS } from '../../../shared/domain/quote-terms.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { FaultPoint } from '../core/fault-point.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { readStoredSettings } from '../settings/settings.queries.ts';
import { priceCheck, priceHistory } from './price-history.queries.ts';
import { getQuote, listQuotes, quoteReminders } from './quote.queries.ts';
import { allocateQuoteNumber, contactOfCustomer, expireDueQuotes, headerColumns, insertQuote, liveCustomerExists, liveQuoteStatus, markSuperseded, nextRevision, productsOf, replaceLines, softDeleteQuote, storedHeader, storedQuote, updateHeader } from './quote-writes.queries.ts';
import { changeStatus } from './quote-status.queries.ts';
import { linkMailNaming } from '../mail/store/quote-links.ts';

type QuoteKeys = keyof typeof quoteCalls;
type Fields = ParsedInput<'quotes.create'>;
const DAY = 86_400_000;

export interface QuoteServiceDeps extends ServiceDeps {
  /** Test-only crash point between taking a number and saving the quote. */
  faultPoint: (point: FaultPoint) => void;
}

async function quoteSettings(db: Db): Promise<{ pattern: string; followUpDays: number }> {
  const stored = await readStoredSettings(db, ['quoteNumberPattern', 'quoteFollowUpDays']);
  const pattern = stored.get('quoteNumberPattern');
  const days = stored.get('quoteFollowUpDays');
  return {
    pattern: typeof pattern === 'string' && isQuoteNumberPattern(pattern) ? pattern : DEFAULT_QUOTE_NUMBER_PATTERN,
    followUpDays: typeof days === 'number' && days > 0 ? days : DEFAULT_QUOTE_FOLLOW_UP_DAYS,
  };
}

/**
 * The customer must be live, the contact one of the customer's, and each line's product live: a
 * line quoting a deleted product is refused naming the line (1-based, as the editor numbers it).
 */
export async function checkQuote(db: DbOrTx, f: Pick<Fields, 'customerId' | 'contactId' | 'lines'>): Promise<void> {
  if (!(await liveCustomerExists(db, f.customerId))) {
    fail('notFound', 'errors.customerNotFound', undefined, [{ path: 'customerId', message: 'errors.customerNotFound' }]);
  }
  const errors: FieldError[] = [];
  if (f.contactId && !(await contactOfCustomer(db, f.contactId, f.customerId))) errors.push({ path: 'contactId', message: 'errors.contactNotFound' });
  const products = await productsOf(db, f.lines.flatMap((l) => (l.productId ? [l.productId] : [])));
  f.lines.forEach((l, i) => {
    if (!l.productId) return;
    const product = products.get(l.productId);
    if (!product || product.deleted) {
      const params = { line: i + 1, model: product?.model ?? l.model ?? '' };
      errors.push({ path: `lines.${i}.productId`, message: 'quotes.errors.productDeleted', params });
    }
  });
  if (errors.length) fail('validation', errors[0]!.message, errors[0]!.params, errors);
}

/** Quotes, their revisions and price history (issue 13 points 2, 3 and 6). */
export function createQuoteService(deps: QuoteServiceDeps): { handlers: Pick<Handlers, QuoteKeys> } {
  const { db, clock, emit } = deps;
  const changed = () => emit('data.changed', { entities: ['quotes'] });

  async function get(id: string): Promise<CallOutput<'quotes.get'>> {
    const quote = await getQuote(db, { id }, clock.now());
    if (!quote) fail('notFound', 'quotes.errors.notFound', { id });
    return quote;
  }

  /** A new quote: its number is committed first (see allocateQuoteNumber), then the quote is saved. */
  async function createNumbered(fields: Fields): Promise<string> {
    await checkQuote(db, fields);
    const { pattern } = await quoteSettings(db);
    const number = await allocateQuoteNumber(db, pattern, clock.now());
    deps.faultPoint('quote:numbered');
    const id = newId();
    await db.transaction().execute(async (trx) => {
      await checkQuote(trx, fields);
      await insertQuote(trx, { id, number, baseNumber: number, revision: 0, header: headerColumns(fields) }, clock.now());
      await replaceLines(trx, id, fields.lines, newId);
    });
    return id;
  }

  async function source(from: DbOrTx, id: string) {
    const stored = await storedQuote(from, id);
    if (!stored) fail('notFound', 'quotes.errors.notFound', { id });
    return stored;
  }

  return {
    handlers: {
      'quotes.list': (input) => listQuotes(db, input, clock.now()),
      'quotes.get': ({ id }) => get(id),
      'quotes.create': async (input) => {
        const id = await createNumbered(input);
        changed();
        return get(id);
      },
      'quotes.update': async ({ id, ...fields }) => {
        await db.transaction().execute(async (trx) => {
          const row = await liveQuoteStatus(trx, id);
          if (!row) fail('notFound', 'quotes.errors.notFound', { id });
          if (row.status !== 'draft') fail('conflict', 'quotes.errors.notDraft', { status: row.status });
          await checkQuote(trx, fields);
          await updateHeader(trx, id, headerColumns(fields), clock.now());
          await replaceLines(trx, id, fields.lines, newId);
        });
        changed();
        return get(id);
      },
      'quotes.revise': async ({ id }) => {
        const newQuoteId = newId();
        await db.transaction().execute(async (trx) => {
          const { quote, lines } = await source(trx, id);
          if (quote.status === 'draft') fail('conflict', 'quotes.errors.reviseDraft');
          if (quote.superseded_by_id) fail('conflict', 'quotes.errors.alreadyRevised');
          const revision = await nextRevision(trx, quote.base_number);
          const number = revisionNumber(quote.base_number, revision);
          await insertQuote(trx, { id: newQuoteId, number, baseNumber: quote.base_number, revision, header: storedHeader(quote) }, clock.now());
          await replaceLines(trx, newQuoteId, lines, newId);
          await markSuperseded(trx, id, newQuoteId, clock.now());
        });
        changed();
        return get(newQuoteId);
      },
      'quotes.duplicate': async ({ id, customerId, contactId }) => {
        const { quote, lines } = await source(db, id);
        const now = clock.now();
        // The copy is valid as long as the original was, counted from today.
        const validUntil = quote.valid_until === null ? null : now + Math.max(0, quote.valid_until - quote.quoted_at);
        const fields: Fields = {
          customerId,
          contactId,
          ownerId: quote.owner_id,
          language: quote.language,
          incoterm: quote.incoterm as Fields['incoterm'],
          incotermPort: quote.incoterm_port,
          paymentTerms: quote.payment_terms,
          validUntil,
          leadTime: quote.lead_time,
          moq: quote.moq,
          notes: quote.notes,
          lines,
        };
        const newQuoteId = await createNumbered(fields);
        changed();
        return get(newQuoteId);
      },
      'quotes.setStatus': async (input) => {
        const { followUpDays } = await quoteSettings(db);
        await db.transaction().execute(async (trx) => {
          await changeStatus(trx, input, clock.now(), followUpDays * DAY);
          // Mail already received may name the PI / contract number given now ("PI-2026/15 paid").
          if (input.status === 'accepted' && input.piNumber) await linkMailNaming(trx, { id: input.id, numbers: [input.piNumber] }, clock.now());
        });
        changed();
        return get(input.id);
      },
      'quotes.remove': async ({ id }) => {
        const count = await db.transaction().execute((trx) => softDeleteQuote(trx, id, clock.now()));
        if (count) changed();
        return { count };
      },
      'quotes.priceHistory': (input) => priceHistory(db, input, clock.now()),
      'quotes.priceCheck': (input) => priceCheck(db, input),
      'quotes.reminders': (input) => quoteReminders(db, input, clock.now()),
      'quotes.expireDue': async (input) => {
        const count = await expireDueQuotes(db, input, clock.now());
        if (count) changed();
        return { count };
      },
    },
  };
}
