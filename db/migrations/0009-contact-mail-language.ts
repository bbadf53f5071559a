import { sql, type Kysely } from 'kysely';

/**
 * Replies speak the mail's language (issue 11, point 9): the quote and forward headers follow
 * the original message's language, or the contact's own preference when they have one — a
 * Chinese buyer who writes English may still want Chinese, a German who once sent a Chinese
 * line may not. contacts.preferred_language holds that preference: one of the app's mail
 * languages (shared/domain/message-language.ts MAIL_LANGUAGES), NULL = follow each mail.
 *
 * Existing contacts get NULL, so nothing changes for them until the user chooses. The CHECK
 * lists the values as they are today: a later language needs a migration of its own, as the
 * catalogs do.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE contacts ADD COLUMN preferred_language TEXT CHECK (preferred_language IN ('en', 'zh-CN'))`.execute(db);
}
