import type { DbOrTx } from '../../../../db/database.ts';
import type { MailTemplatesTable } from '../../../../db/tables/mail.tables.ts';

/** The mail_templates table: templates with placeholders, deleted softly (a batch keeps naming its template). */

export type TemplateText = Pick<MailTemplatesTable, 'name' | 'subject' | 'body_text' | 'body_html'>;

/** A live template; undefined when deleted or unknown. */
export async function liveTemplate(db: DbOrTx, id: string): Promise<MailTemplatesTable | undefined> {
  return db.selectFrom('mail_templates').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Every live template by name. */
export async function liveTemplates(db: DbOrTx): Promise<MailTemplatesTable[]> {
  return db.selectFrom('mail_templates').selectAll().where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute();
}

export async function insertTemplate(db: DbOrTx, input: TemplateText & { id: string }, now: number): Promise<void> {
  await db
    .insertInto('mail_templates')
    .values({ ...input, created_at: now, updated_at: now, deleted_at: null })
    .execute();
}

export async function updateTemplate(db: DbOrTx, input: TemplateText & { id: string }, now: number): Promise<void> {
  const { id, ...text } = input;
  await db
    .updateTable('mail_templates')
    .set({ ...text, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Deletes a live template softly; the number deleted (0 when it was not live). */
export async function removeTemplate(db: DbOrTx, id: string, now: number): Promise<number> {
  const res = await db.updateTable('mail_templates').set({ deleted_at: now, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}
