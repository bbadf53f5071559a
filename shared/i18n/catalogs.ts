import { errors as enErrors } from './en/errors.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';
import { common as enCommon } from './en/common.ts';
import { common as zhCommon } from './zh-CN/common.ts';
import { customers as enCustomers } from './en/customers.ts';
import { customers as zhCustomers } from './zh-CN/customers.ts';
import { personality as enPersonality } from './en/personality.ts';
import { personality as zhPersonality } from './zh-CN/personality.ts';
import { reminders as enReminders } from './en/reminders.ts';
import { reminders as zhReminders } from './zh-CN/reminders.ts';
import { settings as enSettings } from './en/settings.ts';
import { settings as zhSettings } from './zh-CN/settings.ts';
import { trash as enTrash } from './en/trash.ts';
import { trash as zhTrash } from './zh-CN/trash.ts';
import { duplicates as enDuplicates } from './en/duplicates.ts';
import { duplicates as zhDuplicates } from './zh-CN/duplicates.ts';
import { owners as enOwners } from './en/owners.ts';
import { owners as zhOwners } from './zh-CN/owners.ts';
import { backups as enBackups } from './en/backups.ts';
import { backups as zhBackups } from './zh-CN/backups.ts';
import { mail as enMail } from './en/mail.ts';
import { mail as zhMail } from './zh-CN/mail.ts';
import { search as enSearch } from './en/search.ts';
import { search as zhSearch } from './zh-CN/search.ts';

/**
 * All message catalogs. Each area has one file per language under en/ and zh-CN/; the zh-CN
 * file is typed against the English one, so a missing key fails the typecheck.
 * Add an area by importing both files here and spreading them into each language.
 */
export const catalogs = {
  en: { ...enErrors, ...enCommon, ...enCustomers, ...enPersonality, ...enReminders, ...enSettings, ...enTrash, ...enDuplicates, ...enOwners, ...enBackups, ...enMail, ...enSearch },
  'zh-CN': { ...zhErrors, ...zhCommon, ...zhCustomers, ...zhPersonality, ...zhReminders, ...zhSettings, ...zhTrash, ...zhDuplicates, ...zhOwners, ...zhBackups, ...zhMail, ...zhSearch },
} as const;

export type Language = keyof typeof catalogs;
