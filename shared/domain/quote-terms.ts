/**
 * The fixed vocabularies of quotes and sample shipments (issue 13). Labels are in the i18n
 * catalogs; these are the stored codes.
 */

/** Incoterms 2020, in the order traders read them. Every term but EXW names a port or place. */
export const INCOTERMS = ['EXW', 'FCA', 'FAS', 'FOB', 'CFR', 'CIF', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP'] as const;
export type Incoterm = (typeof INCOTERMS)[number];
/** Incoterms whose price is meaningless without the named port or place. */
export const INCOTERMS_NEEDING_PORT: readonly Incoterm[] = INCOTERMS.filter((term) => term !== 'EXW');

/** Common payment terms; a quote may also carry free text. */
export const PAYMENT_TERMS = ['T/T', '30% T/T deposit, 70% before shipment', 'L/C at sight', 'D/P', 'D/A', 'O/A', 'Western Union', 'PayPal'] as const;

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export const COURIERS = ['dhl', 'fedex', 'ups', 'tnt', 'ems', 'sf', 'other'] as const;
export type Courier = (typeof COURIERS)[number];

export const SAMPLE_SHIPMENT_STATUSES = ['preparing', 'sent', 'delivered', 'feedback'] as const;
export type SampleShipmentStatus = (typeof SAMPLE_SHIPMENT_STATUSES)[number];

export const FREIGHT_PAYERS = ['collect', 'ours'] as const;

/** Default days after sending a quote, or after a sample's delivery, before a follow-up reminder. */
export const DEFAULT_QUOTE_FOLLOW_UP_DAYS = 7;
export const DEFAULT_SAMPLE_FOLLOW_UP_DAYS = 7;
