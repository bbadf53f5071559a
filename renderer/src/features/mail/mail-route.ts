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
  /** Outbox filtered to mail to one customer. */
  customerId: string | null;
}

export interface OutboxFilters {
  batchId?: string | null;
  customerId?: string | null;
}

/** `#/mail?view=outbox&batch=<id>&customer=<id>`; a folder selection has no view. */
export function parseMailView(hash: string): MailViewSelection {
  const query = new URLSearchParams(hash.split('?')[1] ?? '');
  const view = query.get('view');
  const outbox = view === 'outbox';
  return {
    view: outbox || view === 'templates' ? view : null,
    batchId: (outbox && query.get('batch')) || null,
    customerId: (outbox && query.get('customer')) || null,
  };
}

export function mailViewHref(view: MailView, filters: OutboxFilters = {}): string {
  const query = new URLSearchParams({ view });
  if (view === 'outbox' && filters.batchId) query.set('batch', filters.batchId);
  if (view === 'outbox' && filters.customerId) query.set('customer', filters.customerId);
  return `#/mail?${query.toString()}`;
}
