import type { ComposeDraft, OutboxRow } from '../../../../../shared/contract/mail-send.contract.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../../../shared/domain/mail-outbox.ts';
import { escapeHtml } from '../mail-frame.ts';

/** Pure helpers of the compose drawer, for tests. */

export interface Recipient {
  name: string | null;
  address: string;
}

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;]+$/;

/** "Anna Schulz <anna@x.de>", "<anna@x.de>" or "anna@x.de"; null when there is no address. */
export function parseRecipient(text: string): Recipient | null {
  const s = text.trim();
  const bracketed = /^(.*?)<([^<>]+)>$/.exec(s);
  const address = (bracketed ? bracketed[2]! : s).trim();
  if (!ADDRESS.test(address)) return null;
  const name = bracketed ? bracketed[1]!.trim().replace(/^"(.*)"$/, '$1').trim() : '';
  return { name: name || null, address };
}

/** How a recipient is written in the field; a name with a comma or semicolon is quoted so the list splits right. */
export function recipientText(r: Recipient): string {
  if (!r.name) return r.address;
  const name = /[,;"]/.test(r.name) ? `"${r.name.replace(/"/g, '')}"` : r.name;
  return `${name} <${r.address}>`;
}

/** Pasted lists ("a@x.com; b@y.com, Name <c@z.com>") become one tag each. */
export function splitRecipients(text: string): string[] {
  return text
    .split(/[;,\n]+(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The parts of a recipients field that are not addresses (to show under the field). */
export function invalidRecipients(text: string): string[] {
  return splitRecipients(text).filter((v) => parseRecipient(v) === null);
}

/** The addresses of a recipients field; parts that are not addresses are left out (the field's rule reports them). */
export function toRecipients(text: string | undefined): Recipient[] {
  return splitRecipients(text ?? '').flatMap((v) => {
    const r = parseRecipient(v);
    return r ? [r] : [];
  });
}

/**
 * What the service put below the space for the user's text — the signature, and for a reply
 * or forward the quoted original — without the blank lines in front of it. The user may type
 * on any of those blank lines; everything before this tail is theirs.
 */
export function draftTail(draftText: string): string {
  return draftText.replace(/^\s+/, '');
}

/** The empty lines the service puts in front of the signature (`<div><br></div>`), room to type in. */
const LEADING_BLANKS = /^(?:\s*<div><br\s*\/?><\/div>)+/i;

/**
 * The HTML to send with an edited draft. The draft's text is blank lines to write in, then the
 * signature and the quoted original; the user writes above the signature. While that tail is
 * intact, the new part goes, escaped, in place of the draft HTML's blank lines (which keeps the
 * original's formatting and inline images, with one empty line before the signature as in the
 * text); when the user changed the tail too, the mail goes as plain text only, so nothing they
 * deleted comes back in the HTML.
 */
export function composeHtml(draft: Pick<ComposeDraft, 'text' | 'html'>, editedText: string): string | null {
  if (draft.html === null) return null;
  const tail = draftTail(draft.text);
  if (!editedText.endsWith(tail)) return null;
  const added = editedText
    .slice(0, editedText.length - tail.length)
    .replace(/^(?:[ \t]*\r?\n)+/, '')
    .replace(/\s+$/, '');
  if (added === '') return draft.html;
  const block = escapeHtml(added).replace(/\r?\n/g, '<br>');
  return `<div>${block}</div><div><br></div>${draft.html.replace(LEADING_BLANKS, '')}`;
}

/**
 * The body after switching the sending account: the old account's tail (signature, quote)
 * replaced by the new one's, the user's own text kept. Null when the user edited the tail,
 * in which case the body stays as they wrote it.
 */
export function swapDraftTail(text: string, oldDraftText: string, newDraftText: string): string | null {
  if (text.trim() === '') return newDraftText;
  const oldTail = draftTail(oldDraftText);
  const newTail = draftTail(newDraftText);
  if (!text.endsWith(oldTail)) return null;
  if (oldTail === '') return newTail === '' ? text : `${text.replace(/\s+$/, '')}\n\n${newTail}`;
  return text.slice(0, text.length - oldTail.length) + newTail;
}

/* ---------- attachments ---------- */

/** A file of the mail: one carried over from the original (forward), or one picked from disk. */
export type ComposeAttachment =
  | { key: string; kind: 'stored'; attachmentId: string; filename: string | null; size: number }
  | { key: string; kind: 'file'; filename: string; contentType: string | null; size: number; contentBase64: string };

export function attachmentBytes(list: ReadonlyArray<{ size: number }>): number {
  return list.reduce((sum, a) => sum + a.size, 0);
}

/** The limit the service enforces (shared/domain/mail-outbox.ts), so the screen can say so before sending. */
export function overAttachmentLimit(bytes: number): boolean {
  return bytes > MAX_ATTACHMENT_BYTES;
}

/** What mail.send takes for the visible attachments. */
export function attachmentInputs(list: readonly ComposeAttachment[]) {
  return list.map((a) =>
    a.kind === 'stored' ? { attachmentId: a.attachmentId } : { filename: a.filename, contentType: a.contentType, contentBase64: a.contentBase64 },
  );
}

/* ---------- closing and sending ---------- */

export interface DraftFields {
  to: string;
  cc: string;
  bcc: string;
  subject: string;
  text: string;
}

/** Whether closing would lose something the user did: typed, picked a file, or removed one. */
export function draftChanged(initial: DraftFields, current: Partial<DraftFields>, attachmentsChanged: boolean): boolean {
  if (attachmentsChanged) return true;
  return (['to', 'cc', 'bcc', 'subject', 'text'] as const).some((k) => (current[k] ?? '') !== initial[k]);
}

/**
 * How a queued mail is doing, for the message after "Send":
 *  - pending: not tried yet, or being sent;
 *  - sent / partial (sent, some recipients refused);
 *  - waiting: tried, the server was out of reach or busy; it goes out by itself later;
 *  - failed: refused; the outbox has the reason and the retry button.
 */
export type SendOutcome = 'pending' | 'sent' | 'partial' | 'waiting' | 'failed';

export function sendOutcome(row: Pick<OutboxRow, 'status' | 'lastError'>): SendOutcome {
  switch (row.status) {
    case 'sent':
      return row.lastError?.reason === 'partiallyRejected' ? 'partial' : 'sent';
    case 'failed':
      return 'failed';
    case 'sending':
      return 'pending';
    case 'queued':
      return row.lastError ? 'waiting' : 'pending';
  }
}
