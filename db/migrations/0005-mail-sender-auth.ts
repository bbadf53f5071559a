import { sql, type Kysely } from 'kysely';

/**
 * Remote images allowed per verified sender or per message (issue 10). "Always allow images
 * from this sender" used to trust the From address as written, which anyone can forge; the
 * allowance now applies only to messages whose receiving server vouched for the From address.
 *
 * sender_auth: what the receiving server's Authentication-Results said of the From address,
 * read when the message is stored (electron/services/mail/store/sender-authentication.ts): pass,
 * fail, none. Messages stored before this migration were never read that way and get
 * 'unknown', which counts as not verified; their images can still be allowed one message at a
 * time. (Re-reading them would mean opening every stored raw message at upgrade.)
 *
 * remote_content_allowed_at: when the user allowed remote images for this one message (the
 * choice offered for an unverified sender); NULL = not allowed for the message itself.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`ALTER TABLE mail_messages ADD COLUMN sender_auth TEXT NOT NULL DEFAULT 'unknown' CHECK (sender_auth IN ('pass', 'fail', 'none', 'unknown'))`,
    sql`ALTER TABLE mail_messages ADD COLUMN remote_content_allowed_at INTEGER`,
  ];
  for (const statement of statements) await statement.execute(db);
}
