import { sql, type Kysely } from 'kysely';

/**
 * Products, quotes with their price history, and sample shipments (issue 13).
 *
 * Money is an INTEGER of ten-thousandths of the currency's unit (`*_e4`: 0.0325 USD is 325).
 * Export prices per piece often have three or four decimals, REAL would make a "lower than last
 * time" comparison and per-currency totals depend on rounding, and four places cover every
 * currency's minor unit. Quantities are REAL: tons and metres come in fractions.
 *
 * Products: the model number is what salespeople and buyers quote by, so `model_key` (the model
 * upper-cased, spaces and dashes dropped) is unique among live products. A product's category
 * brings a template of attributes (product_attribute_defs); the values are one JSON object on the
 * product keyed by attribute id, because they are only ever read and written with the product.
 * Images are stored by content hash in the data folder (as attachments are); the table keeps the
 * order and the original name. product_import_mappings remembers the columns chosen for a sheet's
 * headers.
 *
 * Quotes: `number` is unique forever — deleted quotes keep theirs (soft delete) and
 * quote_number_counters only grows, so a number is never handed out twice, even when the quote it
 * was given to never got saved. A revision of a sent quote is a new row with the same `base_number`
 * and `revision` + 1; the old row stays readable and points at its successor (superseded_by_id).
 * Each line has its own currency, so totals are per currency. `product_id` is kept when the
 * product is deleted (ON DELETE SET NULL would lose the history; products are soft-deleted), and
 * lines copy the model and name they were quoted with, so an old quote reads as it was sent.
 *
 * Price history reads quote lines of one product with their quote's customer, Incoterm, date and
 * status: quote_lines_product serves it (issue 13 point 9: 50,000 lines of one product).
 *
 * quote_messages links mail to a quote (found by the quote's number or PI number in the mail, or
 * linked by hand); the upper() indexes let a mail's words be looked up without regard to case.
 * mail_outbox.quote_id marks a mail written from a quote, so that sending it marks the quote sent.
 * Sample stock is the sum of its moves (sample_stock_moves), never a stored
 * count that could drift from them; a shipment's "sent" writes one 'out' move per item in the same
 * transaction.
 *
 * Customers are soft-deleted and merged, never erased while they have quotes; the references
 * have no cascade so that erasing a customer with quotes fails loudly instead of erasing history.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE product_categories (
      id TEXT PRIMARY KEY,
      name_en TEXT NOT NULL,
      name_zh TEXT,
      sort INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE TABLE product_attribute_defs (
      id TEXT PRIMARY KEY,
      category_id TEXT NOT NULL REFERENCES product_categories(id) ON DELETE CASCADE,
      label TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('text', 'number', 'select', 'boolean')),
      options TEXT NOT NULL DEFAULT '[]',
      sort INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE INDEX product_attribute_defs_category ON product_attribute_defs (category_id, sort)`,
    sql`CREATE TABLE products (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      model TEXT NOT NULL,
      model_key TEXT NOT NULL,
      name_en TEXT,
      name_zh TEXT,
      category_id TEXT REFERENCES product_categories(id) ON DELETE SET NULL,
      specs TEXT,
      attributes TEXT NOT NULL DEFAULT '{}',
      units_per_carton REAL,
      carton_length_cm REAL,
      carton_width_cm REAL,
      carton_height_cm REAL,
      gross_weight_kg REAL,
      net_weight_kg REAL,
      cost_e4 INTEGER,
      cost_currency TEXT,
      list_price_e4 INTEGER,
      list_currency TEXT,
      unit TEXT,
      notes TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE UNIQUE INDEX products_model_live ON products (model_key) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX products_category ON products (category_id) WHERE deleted_at IS NULL`,
    sql`CREATE TABLE product_images (
      product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      bytes INTEGER NOT NULL,
      width INTEGER,
      height INTEGER,
      sort INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (product_id, sha256)
    ) WITHOUT ROWID`,
    // The column mapping last chosen for a product sheet's headers, so a supplier's next price
    // list imports the same way (products/import/product-import.ts).
    sql`CREATE TABLE product_import_mappings (
      header_set TEXT PRIMARY KEY,
      mapping TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID`,
    sql`CREATE TABLE quote_number_counters (
      scope TEXT PRIMARY KEY,
      next_seq INTEGER NOT NULL
    ) WITHOUT ROWID`,
    sql`CREATE TABLE quotes (
      id TEXT PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      base_number TEXT NOT NULL,
      revision INTEGER NOT NULL DEFAULT 0,
      superseded_by_id TEXT REFERENCES quotes(id),
      customer_id TEXT NOT NULL REFERENCES customers(id),
      contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
      owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
      status TEXT NOT NULL CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired')),
      language TEXT NOT NULL CHECK (language IN ('en', 'zh-CN')),
      incoterm TEXT,
      incoterm_port TEXT,
      payment_terms TEXT,
      valid_until INTEGER,
      lead_time TEXT,
      moq TEXT,
      notes TEXT,
      pi_number TEXT,
      quoted_at INTEGER NOT NULL,
      sent_at INTEGER,
      decided_at INTEGER,
      follow_up_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE INDEX quotes_customer ON quotes (customer_id, quoted_at)`,
    // The Quotes page, newest first: without it, 50,000 quotes were sorted for each page (~50 ms).
    sql`CREATE INDEX quotes_quoted ON quotes (quoted_at, id) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX quotes_base ON quotes (base_number, revision)`,
    sql`CREATE INDEX quotes_status_valid ON quotes (status, valid_until) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX quotes_follow_up ON quotes (follow_up_at) WHERE follow_up_at IS NOT NULL AND deleted_at IS NULL`,
    // Mail names numbers in any case ("q2026-0042"): the links are found through these (quote-mail-links.ts).
    sql`CREATE INDEX quotes_number_key ON quotes (upper(number))`,
    sql`CREATE INDEX quotes_pi_number_key ON quotes (upper(pi_number)) WHERE pi_number IS NOT NULL`,
    sql`CREATE TABLE quote_lines (
      id TEXT PRIMARY KEY,
      quote_id TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      product_id TEXT REFERENCES products(id),
      model TEXT,
      description TEXT NOT NULL,
      spec TEXT,
      quantity REAL NOT NULL CHECK (quantity > 0),
      unit TEXT NOT NULL,
      unit_price_e4 INTEGER NOT NULL CHECK (unit_price_e4 >= 0),
      currency TEXT NOT NULL,
      amount_e4 INTEGER NOT NULL
    )`,
    sql`CREATE INDEX quote_lines_quote ON quote_lines (quote_id, seq)`,
    sql`CREATE INDEX quote_lines_product ON quote_lines (product_id, quote_id) WHERE product_id IS NOT NULL`,
    sql`CREATE TABLE quote_messages (
      quote_id TEXT NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
      message_id TEXT NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
      linked_by TEXT NOT NULL CHECK (linked_by IN ('number', 'user')),
      created_at INTEGER NOT NULL,
      PRIMARY KEY (quote_id, message_id)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX quote_messages_message ON quote_messages (message_id)`,
    // A mail written from a quote ("mail this quote"): once it is sent, the quote is marked sent
    // and its follow-up scheduled, in the transaction that marks the mail sent.
    sql`ALTER TABLE mail_outbox ADD COLUMN quote_id TEXT REFERENCES quotes(id) ON DELETE SET NULL`,
    sql`CREATE TABLE sample_shipments (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
      owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
      courier TEXT NOT NULL CHECK (courier IN ('dhl', 'fedex', 'ups', 'tnt', 'ems', 'sf', 'other')),
      courier_name TEXT,
      tracking_number TEXT,
      sample_cost_e4 INTEGER,
      freight_cost_e4 INTEGER,
      currency TEXT,
      freight_payer TEXT CHECK (freight_payer IN ('collect', 'ours')),
      status TEXT NOT NULL CHECK (status IN ('preparing', 'sent', 'delivered', 'feedback')),
      sent_at INTEGER,
      delivered_at INTEGER,
      feedback_at INTEGER,
      feedback TEXT,
      follow_up_at INTEGER,
      notes TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE INDEX sample_shipments_customer ON sample_shipments (customer_id, created_at)`,
    sql`CREATE INDEX sample_shipments_tracking ON sample_shipments (tracking_number) WHERE tracking_number IS NOT NULL`,
    sql`CREATE INDEX sample_shipments_follow_up ON sample_shipments (follow_up_at) WHERE follow_up_at IS NOT NULL AND deleted_at IS NULL`,
    sql`CREATE TABLE sample_shipment_items (
      shipment_id TEXT NOT NULL REFERENCES sample_shipments(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      product_id TEXT REFERENCES products(id),
      description TEXT NOT NULL,
      quantity REAL NOT NULL CHECK (quantity > 0),
      PRIMARY KEY (shipment_id, seq)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX sample_shipment_items_product ON sample_shipment_items (product_id) WHERE product_id IS NOT NULL`,
    sql`CREATE TABLE sample_stock_moves (
      id TEXT PRIMARY KEY,
      product_id TEXT NOT NULL REFERENCES products(id),
      kind TEXT NOT NULL CHECK (kind IN ('in', 'out', 'returned', 'adjust')),
      quantity REAL NOT NULL,
      location TEXT,
      shipment_id TEXT REFERENCES sample_shipments(id) ON DELETE SET NULL,
      note TEXT,
      moved_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    )`,
    sql`CREATE INDEX sample_stock_moves_product ON sample_stock_moves (product_id, moved_at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}
