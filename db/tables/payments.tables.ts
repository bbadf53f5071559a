import type { PaymentLabel } from '../../shared/domain/payment-deadlines.ts';

/**
 * Tables of migration 0017 (issue 14 point 2): the expected payments and the letter of credit of
 * an accepted quote. Money columns (`*_e4`) hold ten-thousandths of the currency's unit.
 */

export interface OrderPaymentsTable {
  id: string;
  quote_id: string;
  /** The order in the quote's terms (deposit first). */
  seq: number;
  label: PaymentLabel;
  /** The user's own words for the payment ("2nd instalment"). */
  note: string | null;
  amount_e4: number;
  currency: string;
  /** End of the due day (epoch ms); null while the date is not known ("before shipment"). */
  due_at: number | null;
  /** Set once received; the payment then leaves every reminder. */
  received_at: number | null;
  received_amount_e4: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface LettersOfCreditTable {
  id: string;
  quote_id: string;
  number: string;
  issuing_bank: string;
  amount_e4: number;
  currency: string;
  expires_at: number;
  latest_shipment_at: number | null;
  /** Days after shipment within which the documents must be presented. */
  presentation_days: number | null;
  notes: string | null;
  /** The goods left: the latest-shipment deadline is met. */
  shipped_at: number | null;
  /** Paid or cancelled: no deadline of it is a reminder any more. */
  closed_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** Tables of migration 0017-order-payments. */
export interface PaymentTables {
  order_payments: OrderPaymentsTable;
  letters_of_credit: LettersOfCreditTable;
}
