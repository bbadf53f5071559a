import { sql, type Kysely } from 'kysely';
import { DEFAULT_REGIONS } from '../../shared/domain/customer-code.ts';

/**
 * The customer-folder foundation. Forward-only: never edit a migration that has shipped;
 * add a new one to the index instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`CREATE TABLE owners (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      email TEXT,
      active INTEGER NOT NULL DEFAULT 1,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    sql`CREATE TABLE regions (
      code TEXT PRIMARY KEY,
      name_en TEXT NOT NULL,
      name_zh TEXT NOT NULL,
      next_seq INTEGER NOT NULL DEFAULT 1,
      sort INTEGER NOT NULL DEFAULT 0
    )`,
    // rid is a stable integer key (an alias of rowid, so VACUUM keeps it) for the FTS index;
    // id is the app-generated identity used everywhere else.
    sql`CREATE TABLE customers (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      code TEXT NOT NULL UNIQUE,
      region_code TEXT NOT NULL REFERENCES regions(code) ON UPDATE CASCADE,
      seq INTEGER NOT NULL,
      name TEXT NOT NULL,
      name_key TEXT NOT NULL DEFAULT '',
      local_name TEXT,
      country TEXT,
      website TEXT,
      address TEXT,
      phone TEXT,
      grade TEXT NOT NULL CHECK (grade IN ('A','B','C','D')),
      stage TEXT NOT NULL,
      source TEXT,
      owner_id TEXT REFERENCES owners(id),
      personality TEXT,
      notes TEXT,
      last_contacted_at INTEGER,
      due_at INTEGER,
      merged_into_id TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER,
      UNIQUE (region_code, seq)
    )`,
    sql`CREATE INDEX customers_name ON customers (name COLLATE NOCASE) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_code_live ON customers (code) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_last_contacted ON customers (last_contacted_at) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_last_contact_or_zero ON customers (ifnull(last_contacted_at, 0)) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_created ON customers (created_at) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_grade ON customers (grade, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_country ON customers (country, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_owner ON customers (owner_id, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_stage ON customers (stage, name COLLATE NOCASE) WHERE deleted_at IS NULL`,
    sql`CREATE INDEX customers_due ON customers (due_at) WHERE deleted_at IS NULL AND due_at IS NOT NULL`,
    sql`CREATE INDEX customers_owner_due ON customers (owner_id, due_at) WHERE deleted_at IS NULL AND due_at IS NOT NULL`,
    sql`CREATE INDEX customers_name_key ON customers (name_key) WHERE deleted_at IS NULL`,
    // Not partial: it answers both the trash (IS NOT NULL) and counts of live customers (IS NULL).
    sql`CREATE INDEX customers_deleted ON customers (deleted_at)`,

    sql`CREATE TABLE contacts (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      title TEXT,
      is_primary INTEGER NOT NULL DEFAULT 0,
      notes TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE INDEX contacts_customer ON contacts (customer_id)`,
    sql`CREATE TABLE contact_channels (
      id TEXT PRIMARY KEY,
      contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      value TEXT NOT NULL,
      value_normalized TEXT NOT NULL,
      label TEXT,
      sort INTEGER NOT NULL DEFAULT 0
    )`,
    sql`CREATE INDEX contact_channels_contact ON contact_channels (contact_id)`,
    sql`CREATE INDEX contact_channels_lookup ON contact_channels (kind, value_normalized)`,
    sql`CREATE TABLE customer_domains (
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      domain TEXT NOT NULL,
      PRIMARY KEY (customer_id, domain)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX customer_domains_domain ON customer_domains (domain)`,

    sql`CREATE TABLE tags (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      color TEXT,
      created_at INTEGER NOT NULL
    )`,
    sql`CREATE TABLE customer_tags (
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
      PRIMARY KEY (customer_id, tag_id)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX customer_tags_tag ON customer_tags (tag_id, customer_id)`,

    sql`CREATE TABLE custom_field_defs (
      id TEXT PRIMARY KEY,
      label TEXT NOT NULL,
      type TEXT NOT NULL,
      options TEXT NOT NULL DEFAULT '[]',
      sort INTEGER NOT NULL DEFAULT 0,
      created_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE TABLE custom_field_values (
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      field_id TEXT NOT NULL REFERENCES custom_field_defs(id) ON DELETE CASCADE,
      value TEXT NOT NULL,
      PRIMARY KEY (customer_id, field_id)
    ) WITHOUT ROWID`,

    sql`CREATE TABLE activities (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
      kind TEXT NOT NULL,
      direction TEXT NOT NULL DEFAULT 'none',
      subject TEXT,
      body TEXT,
      occurred_at INTEGER NOT NULL,
      owner_id TEXT REFERENCES owners(id),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE INDEX activities_timeline ON activities (customer_id, occurred_at) WHERE deleted_at IS NULL`,

    sql`CREATE TABLE contact_intervals (
      grade TEXT PRIMARY KEY,
      days INTEGER
    )`,
    sql`INSERT INTO contact_intervals (grade, days) VALUES ('A', 30), ('B', 60), ('C', 90), ('D', NULL)`,

    sql`CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    )`,

    // Prefix indexes for 1-3 characters: without them a short prefix such as "1"* expands to
    // thousands of terms (118 ms at 100k customers; 1.4 ms with them).
    sql`CREATE VIRTUAL TABLE customer_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')`,

    // last_contacted_at is derived from activities in both directions; triggers keep it right
    // for every writer (forms, mail sync, imports) without each remembering to.
    sql`CREATE TRIGGER activities_ai AFTER INSERT ON activities BEGIN
      UPDATE customers SET last_contacted_at = (
        SELECT max(occurred_at) FROM activities WHERE customer_id = NEW.customer_id AND deleted_at IS NULL
      ) WHERE id = NEW.customer_id;
    END`,
    sql`CREATE TRIGGER activities_au AFTER UPDATE OF occurred_at, deleted_at, customer_id ON activities BEGIN
      UPDATE customers SET last_contacted_at = (
        SELECT max(occurred_at) FROM activities WHERE customer_id = customers.id AND deleted_at IS NULL
      ) WHERE id IN (NEW.customer_id, OLD.customer_id);
    END`,
    sql`CREATE TRIGGER activities_ad AFTER DELETE ON activities BEGIN
      UPDATE customers SET last_contacted_at = (
        SELECT max(occurred_at) FROM activities WHERE customer_id = OLD.customer_id AND deleted_at IS NULL
      ) WHERE id = OLD.customer_id;
    END`,
    // due_at = (last contact, or creation) + the grade's interval; null when the grade has none.
    sql`CREATE TRIGGER customers_due_ai AFTER INSERT ON customers BEGIN
      UPDATE customers SET due_at = coalesce(NEW.last_contacted_at, NEW.created_at)
        + (SELECT days FROM contact_intervals WHERE grade = NEW.grade) * 86400000
      WHERE rid = NEW.rid;
    END`,
    sql`CREATE TRIGGER customers_due_au AFTER UPDATE OF last_contacted_at, grade ON customers BEGIN
      UPDATE customers SET due_at = coalesce(NEW.last_contacted_at, NEW.created_at)
        + (SELECT days FROM contact_intervals WHERE grade = NEW.grade) * 86400000
      WHERE rid = NEW.rid;
    END`,
    sql`CREATE TRIGGER contact_intervals_au AFTER UPDATE OF days ON contact_intervals BEGIN
      UPDATE customers SET due_at = coalesce(last_contacted_at, created_at) + NEW.days * 86400000
      WHERE grade = NEW.grade;
    END`,
  ];
  for (const statement of statements) await statement.execute(db);
  // The starting region list; users edit it in Settings.
  for (const [i, r] of DEFAULT_REGIONS.entries()) {
    await sql`INSERT INTO regions (code, name_en, name_zh, next_seq, sort) VALUES (${r.code}, ${r.nameEn}, ${r.nameZh}, 1, ${i})`.execute(db);
  }
}
