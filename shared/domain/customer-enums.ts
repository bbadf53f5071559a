/** Closed vocabularies of the customer domain; the database stores these strings as they are. */
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** Lifecycle: potential → target → prospect → customer → loyal, or lost (PRODUCT.md job 9). */
export const STAGES = ['potential', 'target', 'prospect', 'customer', 'loyal', 'lost'] as const;
export type Stage = (typeof STAGES)[number];

export const SOURCES = [
  'cantonFair',
  'tradeShow',
  'website',
  'b2bPlatform',
  'referral',
  'coldOutreach',
  'socialMedia',
  'customsData',
  'other',
] as const;
export type Source = (typeof SOURCES)[number];

/** The nine customer types of the seed documents (seeds/004: 九种客户类型), each with a suggested approach in i18n. */
export const PERSONALITY_TYPES = [
  'rational',
  'taskDriven',
  'greedy',
  'ownerMinded',
  'creditSeeking',
  'stingy',
  'difficult',
  'relationship',
  'composite',
] as const;
export type PersonalityType = (typeof PERSONALITY_TYPES)[number];

export const CHANNEL_KINDS = ['email', 'phone', 'whatsapp', 'wechat', 'skype', 'other'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Activities a person logs by hand; mail joins in the mail issue. */
export const ACTIVITY_KINDS = ['note', 'call', 'meeting', 'visit'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** What a timeline can hold: the logged kinds and 'task', written by completing a task (never logged by hand). */
export const TIMELINE_ACTIVITY_KINDS = [...ACTIVITY_KINDS, 'task'] as const;
export type TimelineActivityKind = (typeof TIMELINE_ACTIVITY_KINDS)[number];

export const DIRECTIONS = ['inbound', 'outbound', 'none'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'select'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOMER_SORT_FIELDS = ['name', 'code', 'lastContactedAt', 'createdAt', 'grade', 'country'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];

/** Default "not contacted" intervals in days per grade; null = never remind (D = dropped). */
export const DEFAULT_CONTACT_INTERVALS: Record<Grade, number | null> = { A: 30, B: 60, C: 90, D: null };
