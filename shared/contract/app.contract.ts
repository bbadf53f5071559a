import { z } from 'zod';
import { GRADES } from '../domain/customer-enums.ts';
import { isDateKey, isWeekendDate, MAX_CALENDAR_DATES, MAX_REPLY_WAIT_DAYS } from '../domain/working-days.ts';
import { EpochMs } from './primitives.ts';
import { Letterhead, LetterheadPatch } from './letterhead.contract.ts';
import { isQuoteNumberPattern, MAX_QUOTE_NUMBER_PATTERN } from '../domain/quote-number.ts';
import { MAX_REMINDER_DAYS } from '../domain/payment-deadlines.ts';
import { isClockTime } from '../domain/quiet-hours.ts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export const LanguageSetting = z.enum(['system', ...LANGUAGES]);

const IntervalDays = z.number().int().min(1).max(3650).nullable();
export const ContactIntervals = z.object(
  Object.fromEntries(GRADES.map((g) => [g, IntervalDays])) as Record<(typeof GRADES)[number], typeof IntervalDays>,
);

const CalendarDate = z.string().max(10).refine(isDateKey, { message: 'validation.invalidDate', abort: true });

/** Days off beyond weekends and weekend days that are working days (shared/domain/working-days.ts). */
export const WorkingCalendar = z.object({
  daysOff: z.array(CalendarDate).max(MAX_CALENDAR_DATES),
  workingWeekends: z.array(CalendarDate.refine(isWeekendDate, 'validation.notWeekend')).max(MAX_CALENDAR_DATES),
});

const ClockTime = z.string().trim().max(5).refine(isClockTime, 'validation.invalidTime');

/** Desktop notifications of what comes due (Today): on or off, and hours in which none is shown. */
export const NotificationSettings = z.object({
  enabled: z.boolean(),
  /** null: notifications at any hour. */
  quietHours: z.object({ from: ClockTime, to: ClockTime }).nullable(),
});

export const Settings = z.object({
  language: LanguageSetting,
  contactIntervals: ContactIntervals,
  /** Working days a customer's mail may wait for our reply before it is a reminder. */
  replyWaitDays: z.number().int(),
  /** Which days are working days, beyond Monday to Friday. */
  workingCalendar: WorkingCalendar,
  backupFolder: z.string(),
  backupEnabled: z.boolean(),
  backupKeep: z.number().int(),
  lastBackupAt: EpochMs.nullable(),
  /** The company as quote documents show it. */
  letterhead: Letterhead,
  /** Days after a sample's delivery before asking for the customer's feedback. */
  sampleFollowUpDays: z.number().int(),
  /** How new quotes are numbered, e.g. Q{YYYY}-{SEQ:4} (shared/domain/quote-number.ts). */
  quoteNumberPattern: z.string(),
  /** Days after a quote is sent before its follow-up reminder. */
  quoteFollowUpDays: z.number().int(),
  /** Days before a payment's due date that it is a reminder (shared/domain/payment-deadlines.ts). */
  paymentReminderDays: z.number().int(),
  /** Days before an L/C's expiry or latest shipment date that each is a reminder. */
  letterOfCreditReminderDays: z.number().int(),
  notifications: NotificationSettings,
});
export type Settings = z.infer<typeof Settings>;

export const SettingsPatch = z.object({
  language: LanguageSetting.optional(),
  contactIntervals: ContactIntervals.partial().optional(),
  replyWaitDays: z.number().int().min(1).max(MAX_REPLY_WAIT_DAYS).optional(),
  workingCalendar: WorkingCalendar.optional(),
  backupFolder: z.string().trim().min(1).max(1000).optional(),
  backupEnabled: z.boolean().optional(),
  letterhead: LetterheadPatch.optional(),
  sampleFollowUpDays: z.number().int().min(1).max(365).optional(),
  quoteNumberPattern: z.string().trim().min(1).max(MAX_QUOTE_NUMBER_PATTERN).refine(isQuoteNumberPattern, 'validation.invalidFormat').optional(),
  quoteFollowUpDays: z.number().int().min(1).max(365).optional(),
  paymentReminderDays: z.number().int().min(1).max(MAX_REMINDER_DAYS).optional(),
  letterOfCreditReminderDays: z.number().int().min(1).max(MAX_REMINDER_DAYS).optional(),
  notifications: NotificationSettings.optional(),
});

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.string(),
});

export const PickFolderInput = z.object({
  /**
   * What the folder (or file) is for: the dialog's title says it. A mail archive is a file (an
   * mbox, .pst, .msg) or a folder (Maildir, .eml tree); Windows and Linux dialogs pick one or the
   * other, never both, so each has its own purpose. A contact sheet is a file (.xlsx, .csv, .vcf).
   */
  purpose: z.enum(['backupFolder', 'mailArchiveFile', 'mailArchiveFolder', 'contactSheetFile', 'exportFolder', 'letterheadLogoFile', 'productImageFile', 'productSheetFile', 'productImageFolder']),
  /** Where the dialog opens. */
  defaultPath: z.string().max(4000).optional(),
});
/** `path` is null when the user cancelled; `supported` is false where the host has no folder dialog. */
export type PickPurpose = z.infer<typeof PickFolderInput>['purpose'];
export const PickFolderOutput = z.object({ supported: z.boolean(), path: z.string().nullable() });

export const BackupEntry = z.object({ file: z.string(), path: z.string(), size: z.number(), createdAt: EpochMs });
export type BackupEntry = z.infer<typeof BackupEntry>;
