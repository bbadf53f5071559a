import type { DbOrTx } from '../../../../db/database.ts';
import type { Letterhead } from '../../../../shared/contract/letterhead.contract.ts';
import { documentTotals, type QuoteDocument, type QuoteDocumentLanguage } from '../../../../shared/domain/quote-document.ts';

/**
 * A stored quote as its documents show it: the quote with its customer and contact, its lines in
 * their order, and the letterhead. Lines carry the model and description as quoted, so a quote
 * reads as it was sent even after its products changed.
 */

/** A live quote by its id or by its number ("Q2026-0001", "Q2026-0001-R1"): the CLI names quotes by number. */
export async function findQuoteId(db: DbOrTx, idOrNumber: string): Promise<string | null> {
  const row = await db
    .selectFrom('quotes')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** "DE" → "Germany" / "德国" in the document's language; anything not a region code as it is. */
function countryName(country: string | null, language: QuoteDocumentLanguage): string | null {
  if (!country) return null;
  if (!/^[A-Z]{2}$/.test(country)) return country;
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
}

export async function loadQuoteDocument(db: DbOrTx, quoteId: string, letterhead: Letterhead, logo: Uint8Array | null): Promise<QuoteDocument | null> {
  const quote = await db
    .selectFrom('quotes as q')
    .innerJoin('customers as c', 'c.id', 'q.customer_id')
    .leftJoin('contacts as p', 'p.id', 'q.contact_id')
    .select(['q.number', 'q.revision', 'q.language', 'q.quoted_at', 'q.valid_until', 'q.incoterm', 'q.incoterm_port', 'q.payment_terms', 'q.lead_time', 'q.moq', 'q.notes'])
    .select(['c.name as customer_name', 'c.address as customer_address', 'c.country as customer_country', 'p.name as contact_name'])
    .where('q.id', '=', quoteId)
    .where('q.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!quote) return null;
  const lines = await db
    .selectFrom('quote_lines')
    .select(['model', 'description', 'spec', 'quantity', 'unit', 'unit_price_e4', 'currency', 'amount_e4'])
    .where('quote_id', '=', quoteId)
    .orderBy('seq')
    .execute();
  const documentLines = lines.map((l) => ({ model: l.model, description: l.description, spec: l.spec, quantity: l.quantity, unit: l.unit, unitPriceE4: l.unit_price_e4, currency: l.currency, amountE4: l.amount_e4 }));
  const { logo: _stored, ...texts } = letterhead;
  return {
    language: quote.language,
    number: quote.number,
    revision: quote.revision,
    issuedAt: quote.quoted_at,
    validUntil: quote.valid_until,
    seller: { ...texts, logo },
    buyer: { customerName: quote.customer_name, contactName: quote.contact_name, address: quote.customer_address, country: countryName(quote.customer_country, quote.language) },
    lines: documentLines,
    totals: documentTotals(documentLines),
    incoterm: quote.incoterm,
    incotermPort: quote.incoterm_port,
    paymentTerms: quote.payment_terms,
    leadTime: quote.lead_time,
    moq: quote.moq,
    notes: quote.notes,
  };
}
