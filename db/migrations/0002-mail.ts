import { sql, type Kysely } from 'kysely';

/**
 * Mail (issue 4): accounts, folders with sync checkpoints, messages with their addresses,
 * bodies and attachments (files by content hash), threads, filing into customer folders, the
 * outbox, templates, the remote-content allowlist and the mail full-text index.
 *
 * last_contacted_at now counts mail too: the 0001 activity triggers are replaced by ones that
 * take the newest of a customer's activities and filed messages, and the filing table gets
 * the same triggers. Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The newest contact of one customer from both sources; max() of no rows is NULL.
  const lastContact = (customerId: string) => `(SELECT max(t) FROM (
        SELECT max(occurred_at) AS t FROM activities WHERE customer_id = ${customerId} AND deleted_at IS NULL
        UNION ALL
        SELECT max(date_at) AS t FROM mail_message_customers WHERE customer_id = ${customerId}
      ))`;

  const statements = [
    sql`CREATE TABLE mail_accounts (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL DEFAULT 'imap' CHECK (kind IN ('imap','pop3','archive')),
      name TEXT NOT NULL,
      email TEXT NOT NULL,
      display_name TEXT,
      aliases TEXT NOT NULL DEFAULT '[]',
      provider TEXT,
      imap_host TEXT,
      imap_port INTEGER,
      imap_security TEXT CHECK (imap_security IN ('tls','starttls','none')),
      imap_user TEXT,
      smtp_host TEXT,
      smtp_port INTEGER,
      smtp_security TEXT CHECK (smtp_security IN ('tls','starttls','none')),
      smtp_user TEXT,
      owner_id TEXT REFERENCES owners(id) ON DELETE SET NULL,
      signature_text TEXT,
      signature_html TEXT,
      sync_window_days INTEGER,
      sync_enabled INTEGER NOT NULL DEFAULT 1,
      last_sync_at INTEGER,
      last_sync_error TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      CHECK (kind = 'archive' OR (imap_host IS NOT NULL AND imap_port IS NOT NULL AND imap_user IS NOT NULL))
    )`,
    sql`CREATE INDEX mail_accounts_email ON mail_accounts (email)`,

    sql`CREATE TABLE mail_folders (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      path TEXT NOT NULL,
      name TEXT NOT NULL,
      delimiter TEXT,
      special_use TEXT CHECK (special_use IN ('inbox','sent','drafts','trash','junk','archive','all','flagged')),
      subscribed INTEGER NOT NULL DEFAULT 1,
      sync_enabled INTEGER NOT NULL DEFAULT 1,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (account_id, path)
    )`,
    sql`CREATE TABLE mail_folder_checkpoints (
      folder_id TEXT PRIMARY KEY REFERENCES mail_folders(id) ON DELETE CASCADE,
      uidvalidity TEXT NOT NULL,
      low_uid INTEGER NOT NULL,
      high_uid INTEGER NOT NULL,
      floor_uid INTEGER NOT NULL,
      highest_modseq TEXT,
      uid_next INTEGER,
      server_count INTEGER,
      server_range_count INTEGER,
      local_count INTEGER,
      verified_at INTEGER,
      repairs INTEGER NOT NULL DEFAULT 0,
      updated_at INTEGER NOT NULL
    )`,

    sql`CREATE TABLE mail_threads (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      subject_key TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    )`,
    sql`CREATE INDEX mail_threads_subject ON mail_threads (account_id, subject_key)`,
    sql`CREATE TABLE mail_thread_keys (
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      message_key TEXT NOT NULL,
      thread_id TEXT NOT NULL REFERENCES mail_threads(id) ON DELETE CASCADE,
      PRIMARY KEY (account_id, message_key)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX mail_thread_keys_thread ON mail_thread_keys (thread_id)`,

    // rid is the integer key of the FTS index (an alias of rowid, so VACUUM keeps it).
    sql`CREATE TABLE mail_messages (
      rid INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      folder_id TEXT NOT NULL REFERENCES mail_folders(id) ON DELETE CASCADE,
      uid INTEGER,
      message_id TEXT,
      in_reply_to TEXT,
      refs TEXT,
      thread_id TEXT REFERENCES mail_threads(id) ON DELETE SET NULL,
      subject TEXT,
      from_name TEXT,
      from_address TEXT,
      snippet TEXT,
      date_at INTEGER NOT NULL,
      received_at INTEGER NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
      seen INTEGER NOT NULL DEFAULT 0,
      flagged INTEGER NOT NULL DEFAULT 0,
      answered INTEGER NOT NULL DEFAULT 0,
      draft INTEGER NOT NULL DEFAULT 0,
      flags TEXT NOT NULL DEFAULT '[]',
      size INTEGER NOT NULL DEFAULT 0,
      has_attachments INTEGER NOT NULL DEFAULT 0,
      raw_sha256 TEXT,
      parse_status TEXT NOT NULL DEFAULT 'ok' CHECK (parse_status IN ('ok','warning','failed')),
      parse_warnings TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (folder_id, uid)
    )`,
    // The UNIQUE above is the folder+uid index the sync uses; these serve the reading side.
    sql`CREATE INDEX mail_messages_folder_date ON mail_messages (folder_id, date_at)`,
    sql`CREATE INDEX mail_messages_message_id ON mail_messages (account_id, message_id) WHERE message_id IS NOT NULL`,
    sql`CREATE INDEX mail_messages_thread ON mail_messages (thread_id, date_at)`,
    sql`CREATE INDEX mail_messages_raw ON mail_messages (raw_sha256) WHERE raw_sha256 IS NOT NULL`,

    // Bodies apart from the message rows, so lists and counts never read them.
    sql`CREATE TABLE mail_bodies (
      message_id TEXT PRIMARY KEY REFERENCES mail_messages(id) ON DELETE CASCADE,
      text TEXT,
      html TEXT
    )`,
    sql`CREATE TABLE mail_message_addresses (
      message_id TEXT NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('from','sender','replyTo','to','cc','bcc')),
      position INTEGER NOT NULL,
      name TEXT,
      address TEXT NOT NULL,
      domain TEXT NOT NULL,
      PRIMARY KEY (message_id, role, position)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX mail_message_addresses_address ON mail_message_addresses (address)`,
    sql`CREATE INDEX mail_message_addresses_domain ON mail_message_addresses (domain)`,
    sql`CREATE TABLE mail_attachments (
      id TEXT PRIMARY KEY,
      message_id TEXT NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      filename TEXT,
      content_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      content_id TEXT,
      inline INTEGER NOT NULL DEFAULT 0
    )`,
    sql`CREATE INDEX mail_attachments_message ON mail_attachments (message_id, position)`,
    sql`CREATE INDEX mail_attachments_sha256 ON mail_attachments (sha256)`,

    sql`CREATE TABLE mail_message_customers (
      message_id TEXT NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
      customer_id TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      contact_id TEXT REFERENCES contacts(id) ON DELETE SET NULL,
      match TEXT NOT NULL CHECK (match IN ('contact','domain','manual')),
      address TEXT NOT NULL,
      date_at INTEGER NOT NULL,
      direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
      PRIMARY KEY (message_id, customer_id)
    ) WITHOUT ROWID`,
    sql`CREATE INDEX mail_message_customers_timeline ON mail_message_customers (customer_id, date_at)`,
    sql`CREATE INDEX mail_message_customers_contact ON mail_message_customers (contact_id) WHERE contact_id IS NOT NULL`,

    sql`CREATE TABLE mail_remote_content_allow (
      sender TEXT PRIMARY KEY,
      created_at INTEGER NOT NULL
    ) WITHOUT ROWID`,

    sql`CREATE TABLE mail_templates (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      subject TEXT NOT NULL DEFAULT '',
      body_text TEXT,
      body_html TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      deleted_at INTEGER
    )`,
    sql`CREATE TABLE mail_send_batches (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      template_id TEXT REFERENCES mail_templates(id) ON DELETE SET NULL,
      rate_per_minute INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      canceled_at INTEGER
    )`,
    sql`CREATE TABLE mail_outbox (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
      status TEXT NOT NULL CHECK (status IN ('queued','sending','sent','failed')),
      kind TEXT NOT NULL DEFAULT 'new' CHECK (kind IN ('new','reply','replyAll','forward')),
      message_id TEXT NOT NULL UNIQUE,
      source_message_id TEXT REFERENCES mail_messages(id) ON DELETE SET NULL,
      in_reply_to TEXT,
      refs TEXT,
      from_address TEXT NOT NULL,
      to_json TEXT NOT NULL DEFAULT '[]',
      cc_json TEXT NOT NULL DEFAULT '[]',
      bcc_json TEXT NOT NULL DEFAULT '[]',
      subject TEXT NOT NULL DEFAULT '',
      text_body TEXT,
      html_body TEXT,
      attachments_json TEXT NOT NULL DEFAULT '[]',
      customer_id TEXT REFERENCES customers(id) ON DELETE SET NULL,
      template_id TEXT REFERENCES mail_templates(id) ON DELETE SET NULL,
      batch_id TEXT REFERENCES mail_send_batches(id) ON DELETE SET NULL,
      raw_sha256 TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT,
      last_attempt_at INTEGER,
      next_attempt_at INTEGER NOT NULL,
      sent_at INTEGER,
      sent_copy_at INTEGER,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`,
    sql`CREATE INDEX mail_outbox_due ON mail_outbox (status, next_attempt_at)`,
    sql`CREATE INDEX mail_outbox_unsent_copy ON mail_outbox (account_id) WHERE status = 'sent' AND sent_copy_at IS NULL`,

    // Contentless (the text lives in mail_bodies); contentless_delete lets a removed message
    // take its index row with it. Columns hold toSearchText() output, as customer_search does.
    sql`CREATE VIRTUAL TABLE mail_search USING fts5(
      subject, addresses, body, attachments,
      content = '', contentless_delete = 1,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    )`,
    sql`CREATE TRIGGER mail_messages_ad AFTER DELETE ON mail_messages BEGIN
      DELETE FROM mail_search WHERE rowid = OLD.rid;
    END`,

    // last_contacted_at from both activities and filed mail (replacing 0001's activity-only triggers).
    sql`DROP TRIGGER activities_ai`,
    sql`DROP TRIGGER activities_au`,
    sql`DROP TRIGGER activities_ad`,
    sql.raw(`CREATE TRIGGER activities_ai AFTER INSERT ON activities BEGIN
      UPDATE customers SET last_contacted_at = ${lastContact('NEW.customer_id')} WHERE id = NEW.customer_id;
    END`),
    sql.raw(`CREATE TRIGGER activities_au AFTER UPDATE OF occurred_at, deleted_at, customer_id ON activities BEGIN
      UPDATE customers SET last_contacted_at = ${lastContact('customers.id')} WHERE id IN (NEW.customer_id, OLD.customer_id);
    END`),
    sql.raw(`CREATE TRIGGER activities_ad AFTER DELETE ON activities BEGIN
      UPDATE customers SET last_contacted_at = ${lastContact('OLD.customer_id')} WHERE id = OLD.customer_id;
    END`),
    sql.raw(`CREATE TRIGGER mail_message_customers_ai AFTER INSERT ON mail_message_customers BEGIN
      UPDATE customers SET last_contacted_at = ${lastContact('NEW.customer_id')} WHERE id = NEW.customer_id;
    END`),
    sql.raw(`CREATE TRIGGER mail_message_customers_au AFTER UPDATE OF date_at, customer_id ON mail_message_customers BEGIN
      UPDATE customers SET last_contacted_at = ${lastContact('customers.id')} WHERE id IN (NEW.customer_id, OLD.customer_id);
    END`),
    sql.raw(`CREATE TRIGGER mail_message_customers_ad AFTER DELETE ON mail_message_customers BEGIN
      UPDATE customers SET last_contacted_at = ${lastContact('OLD.customer_id')} WHERE id = OLD.customer_id;
    END`),
  ];
  for (const statement of statements) await statement.execute(db);
}
