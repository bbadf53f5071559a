import { useCallback, useState, type ReactNode } from 'react';
import { call } from '../../api/client.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useComposer } from '../mail/compose/useComposer.tsx';

export interface MailQuote {
  /** Opens a new mail to the quote's contact with its PDF attached (quotes.mailDraft). */
  open(quoteId: string): Promise<void>;
  /** While the PDF is being made. */
  busy: boolean;
  /** The compose drawer; render it once on the screen. */
  element: ReactNode;
}

/** "Mail to customer" on a quote: one click, and the mail is ready to send; sending marks the quote sent. */
export function useMailQuote(): MailQuote {
  const composer = useComposer();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const openComposer = composer.open;
  const open = useCallback(
    async (quoteId: string) => {
      setBusy(true);
      try {
        const draft = await call('quotes.mailDraft', { quoteId });
        openComposer({ kind: 'new', contactId: draft.contactId, quote: { quoteId, customerId: draft.customerId, subject: draft.subject, text: draft.text, attachment: draft.attachment } });
      } catch (err) {
        showError(err);
      } finally {
        setBusy(false);
      }
    },
    [openComposer, showError],
  );
  return { open, busy, element: composer.element };
}
