/**
 * What the Mail page shows, kept in the hash (`#/mail?folder=<id>&message=<id>`) so a message
 * can be linked from a customer's timeline and survives a reload. Pure, for tests.
 */
export interface MailSelection {
  folderId: string | null;
  messageId: string | null;
}

export function parseMailSelection(hash: string): MailSelection {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  return { folderId: query.get('folder') || null, messageId: query.get('message') || null };
}

export function mailHref(selection: Partial<MailSelection>): string {
  const query = new URLSearchParams();
  if (selection.folderId) query.set('folder', selection.folderId);
  if (selection.messageId) query.set('message', selection.messageId);
  const text = query.toString();
  return text ? `#/mail?${text}` : '#/mail';
}

/** Panels of the Mail page besides folders: the outbox (optionally one bulk send) and the templates. */
export type MailView = 'outbox' | 'templates';
export interface MailViewSelection {
  view: MailView | null;
  /** Outbox filtered to one personalised send. */
  batchId: string | null;
}

/** `#/mail?view=outbox&batch=<id>`; a folder selection has no view. */
export function parseMailView(hash: string): MailViewSelection {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const view = query.get('view');
  return { view: view === 'outbox' || view === 'templates' ? view : null, batchId: (view === 'outbox' && query.get('batch')) || null };
}

export function mailViewHref(view: MailView, batchId: string | null = null): string {
  const query = new URLSearchParams({ view });
  if (view === 'outbox' && batchId) query.set('batch', batchId);
  return `#/mail?${query.toString()}`;
}
