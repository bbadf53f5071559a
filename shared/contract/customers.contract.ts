import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  TIMELINE_ACTIVITY_KINDS,
  CHANNEL_KINDS,
  CUSTOMER_SORT_FIELDS,
  CUSTOM_FIELD_TYPES,
  DIRECTIONS,
  GRADES,
  PERSONALITY_TYPES,
  SOURCES,
  STAGES,
} from '../domain/customer-enums.ts';
import { REGION_CODE_PATTERN } from '../domain/customer-code.ts';
import { MAIL_LANGUAGES } from '../domain/message-language.ts';
import { VALUE_BANDS } from '../domain/value-score.ts';
import { EpochMs, Id, optionalText, Page, requiredText } from './primitives.ts';

export const Grade = z.enum(GRADES);
export const Stage = z.enum(STAGES);
export const Source = z.enum(SOURCES);
export const PersonalityType = z.enum(PERSONALITY_TYPES);
export const ChannelKind = z.enum(CHANNEL_KINDS);
export const ActivityKind = z.enum(ACTIVITY_KINDS);
/** An activity as read back: a completed task's entry too (kind 'task'). */
export const TimelineActivityKind = z.enum(TIMELINE_ACTIVITY_KINDS);
export const Direction = z.enum(DIRECTIONS);
export const CustomFieldType = z.enum(CUSTOM_FIELD_TYPES);
export const MailLanguage = z.enum(MAIL_LANGUAGES);
export const RegionCode = z.string().trim().toUpperCase().regex(REGION_CODE_PATTERN);
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/)
  .nullish()
  .transform((v) => v ?? null);

/* ---------- owners, regions, tags, custom fields ---------- */

export const Owner = z.object({
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  customerCount: z.number(),
});
export const OwnerInput = z.object({
  name: requiredText(100),
  email: z.email().max(200).nullish().or(z.literal('')).transform((v) => v || null),
  active: z.boolean().default(true),
});

export const Region = z.object({ code: z.string(), nameEn: z.string(), nameZh: z.string(), nextSeq: z.number(), customerCount: z.number() });
export const RegionInput = z.object({ code: RegionCode, nameEn: requiredText(60), nameZh: requiredText(60) });

export const Tag = z.object({ id: Id, name: z.string(), color: z.string().nullable(), customerCount: z.number() });

export const CustomFieldDef = z.object({
  id: Id,
  label: z.string(),
  type: CustomFieldType,
  options: z.array(z.string()),
  sort: z.number(),
});
export const CustomFieldDefInput = z.object({
  label: requiredText(60),
  type: CustomFieldType,
  options: z.array(requiredText(60)).max(100).default([]),
});
/** Longest text a custom field holds. */
export const MAX_CUSTOM_FIELD_TEXT = 2000;
/**
 * How many custom fields there can be. The customer form sends a value (or null) for every
 * field, so this bounds both the definitions and the values of one customer in one call.
 */
export const MAX_CUSTOM_FIELDS = 100;
export const CustomFieldValue = z.union([z.string().max(MAX_CUSTOM_FIELD_TEXT), z.number(), z.null()]);
/**
 * A customer's custom field values by field id. Bounded in count as well as in key and value
 * length: the contract allows nothing unbounded, since every call is held in memory and written
 * in one transaction.
 */
export const CustomFieldValues = z.record(Id, CustomFieldValue).superRefine((values, ctx) => {
  const count = Object.keys(values).length;
  if (count > MAX_CUSTOM_FIELDS) ctx.addIssue({ code: 'custom', message: 'validation.tooManyEntries', params: { max: MAX_CUSTOM_FIELDS } });
});

/* ---------- customers ---------- */

export const CustomerInput = z.object({
  name: requiredText(200),
  localName: optionalText(200),
  regionCode: RegionCode,
  country: CountryCode,
  website: optionalText(300),
  address: optionalText(500),
  phone: optionalText(60),
  grade: Grade.default('C'),
  stage: Stage.default('potential'),
  source: Source.nullish().transform((v) => v ?? null),
  ownerId: Id.nullish().transform((v) => v ?? null),
  personality: PersonalityType.nullish().transform((v) => v ?? null),
  notes: optionalText(5000),
  tags: z.array(requiredText(40)).max(50).default([]),
  customFields: CustomFieldValues.default({}),
});
export type CustomerInput = z.input<typeof CustomerInput>;

export const CustomerRow = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  localName: z.string().nullable(),
  country: z.string().nullable(),
  regionCode: z.string(),
  grade: Grade,
  stage: Stage,
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  lastContactedAt: EpochMs.nullable(),
  createdAt: EpochMs,
  primaryContact: z.string().nullable(),
  primaryEmail: z.string().nullable(),
  tags: z.array(z.string()),
  deletedAt: EpochMs.nullable(),
  /** The computed value score, 0–100 (shared/domain/value-score.ts); null before its first pass. */
  score: z.number().nullable(),
});
export type CustomerRow = z.infer<typeof CustomerRow>;

export const ContactChannel = z.object({ kind: ChannelKind, value: z.string(), label: z.string().nullable() });
export const ContactChannelInput = z
  .object({ kind: ChannelKind, value: requiredText(200), label: optionalText(40) })
  .superRefine((ch, ctx) => {
    if (ch.kind === 'email' && !z.email().safeParse(ch.value).success) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'validation.invalidEmail' });
    }
  });

export const Contact = z.object({
  id: Id,
  customerId: Id,
  name: z.string(),
  title: z.string().nullable(),
  isPrimary: z.boolean(),
  notes: z.string().nullable(),
  /** The language mail to this contact is framed in (reply and forward headers, dates); null = follow each mail. */
  preferredLanguage: MailLanguage.nullable(),
  channels: z.array(ContactChannel),
});
export type Contact = z.infer<typeof Contact>;

export const ContactInput = z.object({
  customerId: Id,
  name: requiredText(100),
  title: optionalText(100),
  isPrimary: z.boolean().default(false),
  notes: optionalText(2000),
  // Left out = follow each mail, like the other optional fields a rewrite leaves out.
  preferredLanguage: MailLanguage.nullish().transform((v) => v ?? null),
  channels: z.array(ContactChannelInput).max(30).default([]),
});
export type ContactInput = z.input<typeof ContactInput>;

export const CustomerDetail = CustomerRow.extend({
  website: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  source: Source.nullable(),
  personality: PersonalityType.nullable(),
  notes: z.string().nullable(),
  updatedAt: EpochMs,
  dueAt: EpochMs.nullable(),
  domains: z.array(z.string()),
  contacts: z.array(Contact),
  customFields: z.record(Id, CustomFieldValue),
  /** Other owners' customers sharing a company domain (PRODUCT.md: customer conflict warning). */
  conflicts: z.array(z.object({ id: Id, code: z.string(), name: z.string(), ownerName: z.string().nullable(), domain: z.string() })),
});
export type CustomerDetail = z.infer<typeof CustomerDetail>;

export const LastContactFilter = z.enum(['never', 'within7', 'within30', 'within90', 'over30', 'over90', 'over180']);

export const CustomerQuery = Page.extend({
  search: z.string().max(200).default(''),
  // Bounded like every array of the contract: each value becomes a bound SQL variable.
  grades: z.array(Grade).max(GRADES.length).default([]),
  stages: z.array(Stage).max(STAGES.length).default([]),
  countries: z.array(z.string().length(2)).max(300).default([]),
  /** The empty string stands for "no owner". */
  ownerIds: z.array(z.string().max(64)).max(200).default([]),
  tagIds: z.array(Id).max(200).default([]),
  lastContact: LastContactFilter.nullish().transform((v) => v ?? null),
  /** Value score bands (high ≥ 70, medium 40–69, low < 40). */
  values: z.array(z.enum(VALUE_BANDS)).max(VALUE_BANDS.length).default([]),
  sort: z.enum(CUSTOMER_SORT_FIELDS).default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type CustomerQuery = z.input<typeof CustomerQuery>;

export const CustomerPage = z.object({ total: z.number(), rows: z.array(CustomerRow) });

export const DuplicateReason = z.enum(['email', 'domain', 'name']);
export const DuplicateMatch = z.object({ reason: DuplicateReason, key: z.string(), customer: CustomerRow });
export const DuplicateConfidence = z.enum(['high', 'medium', 'low']);
/** What points at (or away from) one company; shown beside each group (shared/domain/duplicate-confidence.ts). */
export const DuplicateSignal = z.enum(['sameEmail', 'sameDomain', 'sameName', 'similarName', 'sameCountry', 'differentCountries', 'differentLegalForms']);
export const DuplicateGroup = z.object({
  /** Stable while the group's members stay the same: reason, key and member ids. */
  id: z.string(),
  reason: DuplicateReason,
  key: z.string(),
  /** 0–100: email groups 90–100, domain 70–89, names 0–69; the list is sorted by it, highest first. */
  score: z.number(),
  confidence: DuplicateConfidence,
  signals: z.array(DuplicateSignal),
  customers: z.array(CustomerRow),
});
/** One page of the groups, most certain first; total counts every group, dismissed pairs left out. */
export const DuplicatePage = z.object({ total: z.number(), groups: z.array(DuplicateGroup) });
export const DuplicateQuery = z.object({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(20),
});
export const DuplicateCandidate = z.object({
  excludeId: Id.nullish(),
  name: z.string().max(200).default(''),
  website: z.string().max(300).nullish(),
  emails: z.array(z.string().max(200)).max(50).default([]),
});

/* ---------- activities ---------- */

export const Activity = z.object({
  id: Id,
  customerId: Id,
  contactId: Id.nullable(),
  contactName: z.string().nullable(),
  kind: TimelineActivityKind,
  direction: Direction,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  occurredAt: EpochMs,
  ownerName: z.string().nullable(),
  createdAt: EpochMs,
});
export type Activity = z.infer<typeof Activity>;

export const ActivityInput = z.object({
  customerId: Id,
  contactId: Id.nullish().transform((v) => v ?? null),
  kind: ActivityKind,
  direction: Direction.default('outbound'),
  subject: optionalText(300),
  body: optionalText(20000),
  occurredAt: EpochMs,
});
export type ActivityInput = z.input<typeof ActivityInput>;

/* ---------- reminders ---------- */

export const OverdueRow = CustomerRow.extend({ dueAt: EpochMs, daysOverdue: z.number() });
