import type { LetterOfCredit, Payment } from '../../../shared/contract/payments.contract.ts';
import {
  DEFAULT_LC_REMINDER_DAYS,
  DEFAULT_PAYMENT_REMINDER_DAYS,
  letterOfCreditState,
  paymentState,
} from '../../../shared/domain/payment-deadlines.ts';
import { readStoredSettings } from '../settings/settings.queries.ts';
import type { Db } from '../../../db/database.ts';
import type { LcRecord, PaymentRecord } from './payments.queries.ts';

/** Days before a deadline that it is a reminder (Settings › Reminders), for payments and for L/Cs. */
export interface ReminderDays {
  payment: number;
  letterOfCredit: number;
}

export async function readReminderDays(db: Db): Promise<ReminderDays> {
  const stored = await readStoredSettings(db, ['paymentReminderDays', 'letterOfCreditReminderDays']);
  const days = (key: string, fallback: number) => {
    const value = stored.get(key);
    return typeof value === 'number' ? value : fallback;
  };
  return { payment: days('paymentReminderDays', DEFAULT_PAYMENT_REMINDER_DAYS), letterOfCredit: days('letterOfCreditReminderDays', DEFAULT_LC_REMINDER_DAYS) };
}

function quoteRef(r: PaymentRecord | LcRecord) {
  return { quoteId: r.quote_id, quoteNumber: r.quote_number, customerId: r.customer_id, customerCode: r.customer_code, customerName: r.customer_name };
}

/** A stored payment as the contract shows it, with its state as of `now`. */
export function toPayment(r: PaymentRecord, now: number, days: ReminderDays): Payment {
  return {
    id: r.id,
    ...quoteRef(r),
    seq: r.seq,
    label: r.label,
    note: r.note,
    amountE4: r.amount_e4,
    currency: r.currency,
    dueAt: r.due_at,
    receivedAt: r.received_at,
    receivedAmountE4: r.received_amount_e4,
    state: paymentState({ dueAt: r.due_at, receivedAt: r.received_at }, now, days.payment),
    updatedAt: r.updated_at,
  };
}

export function toLetterOfCredit(r: LcRecord, now: number, days: ReminderDays): LetterOfCredit {
  return {
    id: r.id,
    ...quoteRef(r),
    number: r.number,
    issuingBank: r.issuing_bank,
    amountE4: r.amount_e4,
    currency: r.currency,
    expiresAt: r.expires_at,
    latestShipmentAt: r.latest_shipment_at,
    presentationDays: r.presentation_days,
    notes: r.notes,
    shippedAt: r.shipped_at,
    closedAt: r.closed_at,
    state: letterOfCreditState({ expiresAt: r.expires_at, latestShipmentAt: r.latest_shipment_at, shippedAt: r.shipped_at, closedAt: r.closed_at }, now, days.letterOfCredit),
    updatedAt: r.updated_at,
  };
}
