import type { Generated } from 'kysely';
import type { Courier, FREIGHT_PAYERS, QuoteStatus, SampleShipmentStatus } from '../../shared/domain/quote-terms.ts';

/**
 * Tables of migration 0015 (issue 13): products, quotes with their lines, and sample shipments.
 * Money columns (`*_e4`) hold ten-thousandths of the currency's unit (0.0325 USD is 325);
 * currencies are ISO 4217 codes (shared/domain/currencies.ts).
 */

export type ProductAttributeType = 'text' | 'number' | 'select' | 'boolean';
export type QuoteLanguage = 'en' | 'zh-CN';
export type QuoteMessageLink = 'number' | 'user';
export type FreightPayer = (typeof FREIGHT_PAYERS)[number];
export type { Courier, QuoteStatus, SampleShipmentStatus };
/** 'in' and 'returned' add `quantity`, 'out' takes it away, 'adjust' adds it with its sign. */
export type SampleStockMoveKind = 'in' | 'out' | 'returned' | 'adjust';

export interface ProductCategoriesTable {
  id: string;
  name_en: string;
  name_zh: string | null;
  sort: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** One attribute of a category's template; a product's values are in products.attributes. */
export interface ProductAttributeDefsTable {
  id: string;
  category_id: string;
  label: string;
  type: ProductAttributeType;
  /** JSON array of choices for `select`. */
  options: string;
  sort: number;
  created_at: number;
  deleted_at: number | null;
}

export interface ProductsTable {
  rid: Generated<number>;
  id: string;
  model: string;
  /** The model upper-cased without spaces, dashes, dots and slashes; unique among live products. */
  model_key: string;
  name_en: string | null;
  name_zh: string | null;
  category_id: string | null;
  specs: string | null;
  /** JSON object: attribute def id → value. */
  attributes: string;
  units_per_carton: number | null;
  carton_length_cm: number | null;
  carton_width_cm: number | null;
  carton_height_cm: number | null;
  gross_weight_kg: number | null;
  net_weight_kg: number | null;
  cost_e4: number | null;
  cost_currency: string | null;
  list_price_e4: number | null;
  list_currency: string | null;
  /** The unit a quote line takes by default (pcs, sets, kg…). */
  unit: string | null;
  notes: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/** An image of a product: the bytes are in the data folder under their SHA-256. */
export interface ProductImagesTable {
  product_id: string;
  sha256: string;
  file_name: string;
  mime_type: string;
  bytes: number;
  width: number | null;
  height: number | null;
  sort: number;
  created_at: number;
}

/** Next quote sequence per numbering scope (e.g. the year for Q{YYYY}-{SEQ:4}); only ever grows. */
export interface QuoteNumberCountersTable {
  scope: string;
  next_seq: number;
}

export interface QuotesTable {
  id: string;
  /** Unique forever: base_number for revision 0, then base_number + "-R<revision>". */
  number: string;
  base_number: string;
  revision: number;
  /** The revision that replaced this one; a superseded quote stays readable. */
  superseded_by_id: string | null;
  customer_id: string;
  contact_id: string | null;
  owner_id: string | null;
  status: QuoteStatus;
  /** The language of the quote's documents, chosen per quote. */
  language: QuoteLanguage;
  incoterm: string | null;
  incoterm_port: string | null;
  payment_terms: string | null;
  valid_until: number | null;
  lead_time: string | null;
  moq: string | null;
  notes: string | null;
  /** The proforma invoice or contract number once accepted; mail naming it links to the quote. */
  pi_number: string | null;
  /** The quote's date as shown on it. */
  quoted_at: number;
  sent_at: number | null;
  /** When it was accepted, rejected or expired. */
  decided_at: number | null;
  follow_up_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface QuoteLinesTable {
  id: string;
  quote_id: string;
  seq: number;
  product_id: string | null;
  /** The product's model and name as quoted, so an old quote reads as it was sent. */
  model: string | null;
  description: string;
  spec: string | null;
  quantity: number;
  unit: string;
  unit_price_e4: number;
  currency: string;
  /** round(quantity × unit_price_e4). */
  amount_e4: number;
}

export interface QuoteMessagesTable {
  quote_id: string;
  message_id: string;
  linked_by: QuoteMessageLink;
  created_at: number;
}

export interface SampleShipmentsTable {
  id: string;
  customer_id: string;
  contact_id: string | null;
  owner_id: string | null;
  courier: Courier;
  /** The courier's name when courier is 'other'. */
  courier_name: string | null;
  tracking_number: string | null;
  sample_cost_e4: number | null;
  freight_cost_e4: number | null;
  currency: string | null;
  freight_payer: FreightPayer | null;
  status: SampleShipmentStatus;
  sent_at: number | null;
  delivered_at: number | null;
  feedback_at: number | null;
  feedback: string | null;
  /** When to ask for feedback: delivered_at + the follow-up interval, cleared by feedback. */
  follow_up_at: number | null;
  notes: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface SampleShipmentItemsTable {
  shipment_id: string;
  seq: number;
  product_id: string | null;
  description: string;
  quantity: number;
}

export interface SampleStockMovesTable {
  id: string;
  product_id: string;
  kind: SampleStockMoveKind;
  quantity: number;
  location: string | null;
  shipment_id: string | null;
  note: string | null;
  moved_at: number;
  created_at: number;
}

/** The column mapping last chosen for a product sheet's headers (normalised, joined by '|'). */
export interface ProductImportMappingsTable {
  header_set: string;
  /** JSON object: normalised header → product import target. */
  mapping: string;
  updated_at: number;
}

/** Tables of migration 0015. */
export interface QuoteTables {
  product_categories: ProductCategoriesTable;
  product_attribute_defs: ProductAttributeDefsTable;
  products: ProductsTable;
  product_images: ProductImagesTable;
  product_import_mappings: ProductImportMappingsTable;
  quote_number_counters: QuoteNumberCountersTable;
  quotes: QuotesTable;
  quote_lines: QuoteLinesTable;
  quote_messages: QuoteMessagesTable;
  sample_shipments: SampleShipmentsTable;
  sample_shipment_items: SampleShipmentItemsTable;
  sample_stock_moves: SampleStockMovesTable;
}
