import type { TFunction } from 'i18next';
import { call } from '../../../api/client.ts';
import { sendOutcome, type SendOutcome } from './compose-helpers.ts';
import type { FeedbackMessage } from '../../../app/feedback.ts';

/** How long the message after "Send" waits for the first attempt before saying "queued". */
const WATCH_MS = 8_000;
const POLL_MS = 300;

/**
 * Tells the user what became of a mail just queued: "Sent", or "Queued — will send when
 * online" when the server could not be reached, or the server's refusal. The outbox row is
 * asked for a few seconds (a local call, no network); one message, updated in place.
 */
export async function followSend(outboxId: string, message: FeedbackMessage, t: TFunction): Promise<void> {
  const key = `send-${outboxId}`;
  message.open({ key, type: 'loading', content: t('mail.composer.sending'), duration: 0 });
  const deadline = Date.now() + WATCH_MS;
  let outcome: SendOutcome = 'pending';
  let reason = '';
  while (Date.now() < deadline) {
    try {
      const row = await call('mail.getOutbox', { id: outboxId });
      outcome = sendOutcome(row);
      reason = row.lastError ? t(row.lastError.message) : '';
    } catch {
      // Cancelled from the outbox meanwhile: nothing more to say.
      message.destroy(key);
      return;
    }
    if (outcome !== 'pending') break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const content = {
    pending: t('mail.composer.queuedOffline'),
    waiting: t('mail.composer.queuedOffline'),
    sent: t('mail.composer.sent'),
    partial: `${t('mail.composer.sent')} ${reason}`,
    failed: t('mail.composer.notSent', { reason }),
  }[outcome];
  const type = outcome === 'sent' ? 'success' : outcome === 'failed' || outcome === 'partial' ? 'warning' : 'info';
  message.open({ key, type, content: <span data-testid="mail-send-outcome" data-outcome={outcome}>{content}</span>, duration: outcome === 'sent' ? 3 : 6 });
}
