import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../../db/database.ts';
import type { MailMessagesTable } from '../../../../db/tables/mail.tables.ts';
import type { SettingsTable } from '../../../../db/tables/tables.ts';
import type { AutomatedKind } from '../../../../shared/domain/automated-mail.ts';

/** The statements of automated-backfill.ts: its progress row in settings, and the messages it reads and marks. */

/** The settings row migration 0006 writes: every message with a rid below its value is still to be read. */
export const AUTOMATED_BACKFILL_KEY = 'mail.automatedBackfillBelowRid';

/** The progress row's JSON value; null when there is none (the backfill is done, or was never needed). */
export async function backfillProgressValue(db: DbOrTx): Promise<SettingsTable['value'] | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', AUTOMATED_BACKFILL_KEY).executeTakeFirst();
  return row?.value ?? null;
}

export type UnjudgedMessage = Pick<Selectable<MailMessagesTable>, 'rid' | 'id' | 'raw_sha256' | 'from_address'>;

/** Messages below this rid not yet judged, newest first (what New leads shows). */
export function unjudgedMessagesBelow(db: DbOrTx, input: { below: number; limit: number }): Promise<UnjudgedMessage[]> {
  return db
    .selectFrom('mail_messages')
    .select(['rid', 'id', 'raw_sha256', 'from_address'])
    .where('rid', '<', input.below)
    .where('automated', 'is', null)
    .orderBy('rid', 'desc')
    .limit(input.limit)
    .execute();
}

/** Marks a message automated unless something judged it meanwhile (a refetch, a resync). */
export async function markAutomated(db: DbOrTx, input: { id: string; kind: AutomatedKind }): Promise<void> {
  await db.updateTable('mail_messages').set({ automated: input.kind }).where('id', '=', input.id).where('automated', 'is', null).execute();
}

/** Moves the progress row down: messages at and above `below` are done. */
export async function setBackfillBelow(db: DbOrTx, below: number, now: number): Promise<void> {
  await db.updateTable('settings').set({ value: JSON.stringify(below), updated_at: now }).where('key', '=', AUTOMATED_BACKFILL_KEY).execute();
}

/** Deletes the progress row: nothing is left to read. */
export async function finishBackfill(db: DbOrTx): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', AUTOMATED_BACKFILL_KEY).execute();
}
