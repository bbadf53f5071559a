import type { ImportTables } from './imports.tables.ts';
import type { Generated } from 'kysely';
import type { DuplicateTables } from './duplicates.tables.ts';
import type { LeadTables } from './leads.tables.ts';
import type { MailTables } from './mail.tables.ts';
import type { QuoteTables } from './quotes.tables.ts';
import type { TaskTables } from './tasks.tables.ts';
import type { PaymentTables } from './payments.tables.ts';
import type { ScoreTables } from './scores.tables.ts';
import type { TodayTables } from './today.tables.ts';
import type {
  TimelineActivityKind,
  ChannelKind,
  CustomFieldType,
  Direction,
  Grade,
  PersonalityType,
  Source,
  Stage,
} from '../../shared/domain/customer-enums.ts';
import type { MailLanguage } from '../../shared/domain/message-language.ts';
import type { ValueBand } from '../../shared/domain/value-score.ts';

/** SQLite stores booleans as 0/1. */
export type Flag = 0 | 1;

export interface OwnersTable {
  id: string;
  name: string;
  email: string | null;
  active: Flag;
  created_at: number;
  updated_at: number;
}

export interface RegionsTable {
  code: string;
  name_en: string;
  name_zh: string;
  /** Next customer sequence number in this region; only ever grows, so codes are never reused. */
  next_seq: number;
  sort: number;
}

export interface CustomersTable {
  rid: Generated<number>;
  id: string;
  code: string;
  region_code: string;
  seq: number;
  name: string;
  /** normalizeCompanyName(name): what near-same-name duplicate detection compares. */
  name_key: string;
  local_name: string | null;
  country: string | null;
  website: string | null;
  address: string | null;
  phone: string | null;
  grade: Grade;
  stage: Stage;
  source: Source | null;
  owner_id: string | null;
  personality: PersonalityType | null;
  notes: string | null;
  /** Derived by triggers from activities (both directions). */
  last_contacted_at: number | null;
  /** Derived by triggers: when this customer becomes overdue for contact; null = never. */
  due_at: number | null;
  /** The value score's band, kept by the score passes (electron/services/scores/); null before the first. */
  value_band: ValueBand | null;
  merged_into_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface ContactsTable {
  id: string;
  customer_id: string;
  name: string;
  title: string | null;
  is_primary: Flag;
  notes: string | null;
  /** The language mail to this contact is framed in (quote/forward headers, dates); null = follow each mail (migration 0009). */
  preferred_language: MailLanguage | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface ContactChannelsTable {
  id: string;
  contact_id: string;
  kind: ChannelKind;
  value: string;
  /** Lower-cased email, digits-only phone: what matching compares. */
  value_normalized: string;
  label: string | null;
  sort: number;
}

export interface CustomerDomainsTable {
  customer_id: string;
  domain: string;
}

export interface TagsTable {
  id: string;
  name: string;
  color: string | null;
  created_at: number;
}

export interface CustomerTagsTable {
  customer_id: string;
  tag_id: string;
}

export interface CustomFieldDefsTable {
  id: string;
  label: string;
  type: CustomFieldType;
  /** JSON array of choices for `select`. */
  options: string;
  sort: number;
  created_at: number;
  deleted_at: number | null;
}

export interface CustomFieldValuesTable {
  customer_id: string;
  field_id: string;
  /** JSON-encoded value. */
  value: string;
}

export interface ActivitiesTable {
  id: string;
  customer_id: string;
  contact_id: string | null;
  kind: TimelineActivityKind;
  direction: Direction;
  subject: string | null;
  body: string | null;
  occurred_at: number;
  owner_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface ContactIntervalsTable {
  grade: Grade;
  /** Days without contact before a customer is overdue; null = never. */
  days: number | null;
}

export interface SettingsTable {
  key: string;
  /** JSON-encoded value. */
  value: string;
  updated_at: number;
}

/** FTS5 table over customers: one row per live customer, rowid = customers.rid. */
export interface CustomerSearchTable {
  rowid: number;
  /** Names, code, website, contacts and their channels (customerSearchText). */
  text: string;
  /** What was written about the customer: notes, custom-field text, activities (customerWritingSearchText; migration 0008). */
  notes: string | null;
}

/** Every table; the mail tables (migration 0002) are typed in mail.tables.ts. */
export interface Database extends MailTables, LeadTables, DuplicateTables, ImportTables, QuoteTables, TaskTables, PaymentTables, ScoreTables, TodayTables {
  owners: OwnersTable;
  regions: RegionsTable;
  customers: CustomersTable;
  contacts: ContactsTable;
  contact_channels: ContactChannelsTable;
  customer_domains: CustomerDomainsTable;
  tags: TagsTable;
  customer_tags: CustomerTagsTable;
  custom_field_defs: CustomFieldDefsTable;
  custom_field_values: CustomFieldValuesTable;
  activities: ActivitiesTable;
  contact_intervals: ContactIntervalsTable;
  settings: SettingsTable;
  customer_search: CustomerSearchTable;
}

export type { Generated };
