import { describe, expect, it } from 'vitest';
import type { OutboxError } from '../../../../../../shared/contract/mail-send.contract.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../../../../shared/domain/mail-outbox.ts';
import {
  attachmentBytes,
  attachmentInputs,
  composeHtml,
  draftChanged,
  draftTail,
  invalidRecipients,
  overAttachmentLimit,
  parseRecipient,
  recipientText,
  sendOutcome,
  splitRecipients,
  swapDraftTail,
  toRecipients,
  type ComposeAttachment,
} from '../../../../../../renderer/src/features/mail/compose/compose-helpers.ts';

describe('compose helpers', () => {
  it('reads recipients as people type them', () => {
    expect(parseRecipient('anna@h.de')).toEqual({ name: null, address: 'anna@h.de' });
    expect(parseRecipient(' Anna Schulz <anna@h.de> ')).toEqual({ name: 'Anna Schulz', address: 'anna@h.de' });
    expect(parseRecipient('"Schulz, Anna" <anna@h.de>')).toEqual({ name: 'Schulz, Anna', address: 'anna@h.de' });
    expect(parseRecipient('not an address')).toBeNull();
    expect(parseRecipient('a@b')).toBeNull();
  });

  it('splits lists on commas and semicolons, not inside quotes', () => {
    expect(splitRecipients('a@x.com; b@y.com,\n"Schulz, Anna" <anna@h.de>')).toEqual(['a@x.com', 'b@y.com', '"Schulz, Anna" <anna@h.de>']);
    const r = { name: 'Schulz, Anna', address: 'anna@h.de' };
    expect(splitRecipients(recipientText(r)).map(parseRecipient)).toEqual([r]);
    expect(toRecipients('a@x.com; nonsense, Bo <b@y.com>')).toEqual([{ name: null, address: 'a@x.com' }, { name: 'Bo', address: 'b@y.com' }]);
    expect(invalidRecipients('a@x.com; nonsense, b@')).toEqual(['nonsense', 'b@']);
  });

  it('puts the new text above the signature and quote of the draft HTML while they are intact', () => {
    const draft = { text: '\n\n-- \nLi Na\n\nOn …, Anna wrote:\n> Price?', html: '<p>-- Li Na</p><blockquote>Price?</blockquote>' };
    expect(composeHtml(draft, `Dear Anna,\n<b>FOB</b> 5 USD${draft.text}`)).toBe(
      '<div>Dear Anna,<br>&lt;b&gt;FOB&lt;/b&gt; 5 USD</div><div><br></div><p>-- Li Na</p><blockquote>Price?</blockquote>',
    );
    expect(composeHtml(draft, draft.text)).toBe(draft.html);
    // The quote was edited: plain text only, so nothing deleted comes back.
    expect(composeHtml(draft, 'Dear Anna, 5 USD')).toBeNull();
    expect(composeHtml({ text: 'x', html: null }, 'y x')).toBeNull();
  });

  it('takes text typed on any of the blank lines, and replaces the HTML draft’s room to type instead of adding to it', () => {
    const blank = '<div><br></div>';
    const draft = { text: '\n\n-- \nLi Na\n', html: `${blank}${blank}<div class="tf-signature">-- <br>Li Na</div>` };
    // Typed on the second blank line (the cursor was not at the very start).
    expect(composeHtml(draft, '\nHello Anna\n-- \nLi Na\n')).toBe(`<div>Hello Anna</div>${blank}<div class="tf-signature">-- <br>Li Na</div>`);
    expect(composeHtml(draft, 'Hello\n\n\n\n-- \nLi Na\n')).toBe(`<div>Hello</div>${blank}<div class="tf-signature">-- <br>Li Na</div>`);
  });

  it('swaps the signature when the account changes, keeping what the user wrote', () => {
    const li = '\n\n-- \nLi Na\n';
    const wang = '\n\n-- \nWang Wei\nSales\n';
    expect(draftTail(li)).toBe('-- \nLi Na\n');
    expect(swapDraftTail(`Dear Anna,${li}`, li, wang)).toBe(`Dear Anna,${wang}`);
    expect(swapDraftTail('', li, wang)).toBe(wang);
    // An account without a signature, then one with.
    expect(swapDraftTail('Dear Anna,\n', '', wang)).toBe('Dear Anna,\n\n-- \nWang Wei\nSales\n');
    expect(swapDraftTail(`Dear Anna,${li}`, li, '')).toBe('Dear Anna,\n\n');
    // The signature was edited by hand: left alone.
    expect(swapDraftTail('Dear Anna,\n-- \nLi', li, wang)).toBeNull();
  });
});

describe('compose attachments and closing', () => {
  const file = (size: number): ComposeAttachment => ({ key: `f${size}`, kind: 'file', filename: 'a.pdf', contentType: 'application/pdf', size, contentBase64: 'AA==' });
  it('adds up the files against the 25 MB the service allows', () => {
    const stored: ComposeAttachment = { key: 's', kind: 'stored', attachmentId: 'att-1', filename: null, size: 10 * 1024 * 1024 };
    expect(attachmentBytes([stored, file(5)])).toBe(10 * 1024 * 1024 + 5);
    expect(overAttachmentLimit(MAX_ATTACHMENT_BYTES)).toBe(false);
    expect(overAttachmentLimit(MAX_ATTACHMENT_BYTES + 1)).toBe(true);
    expect(attachmentInputs([stored, file(5)])).toEqual([{ attachmentId: 'att-1' }, { filename: 'a.pdf', contentType: 'application/pdf', contentBase64: 'AA==' }]);
  });

  it('asks before closing only when something would be lost', () => {
    const initial = { to: 'anna@h.de', cc: '', bcc: '', subject: 'Re: Price', text: '\n\n> Price?' };
    expect(draftChanged(initial, { ...initial }, false)).toBe(false);
    // Fields never shown (Bcc) come back undefined.
    expect(draftChanged(initial, { to: 'anna@h.de', cc: '', subject: 'Re: Price', text: '\n\n> Price?' }, false)).toBe(false);
    expect(draftChanged(initial, { ...initial, text: 'Dear Anna\n\n> Price?' }, false)).toBe(true);
    expect(draftChanged(initial, { ...initial }, true)).toBe(true);
  });

  it('tells sent from waiting from refused', () => {
    const error = (reason: OutboxError['reason']): OutboxError => ({ reason, message: '', detail: '', responseCode: null, recipients: [], at: 0 });
    expect(sendOutcome({ status: 'queued', lastError: null })).toBe('pending');
    expect(sendOutcome({ status: 'sending', lastError: null })).toBe('pending');
    expect(sendOutcome({ status: 'queued', lastError: error('offline') })).toBe('waiting');
    expect(sendOutcome({ status: 'sent', lastError: null })).toBe('sent');
    expect(sendOutcome({ status: 'sent', lastError: error('partiallyRejected') })).toBe('partial');
    expect(sendOutcome({ status: 'failed', lastError: error('rejected') })).toBe('failed');
  });
});
