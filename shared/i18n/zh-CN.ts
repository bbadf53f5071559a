import { errors } from './zh-CN/errors.ts';
import { common } from './zh-CN/common.ts';
import { customers } from './zh-CN/customers.ts';
import { personality } from './zh-CN/personality.ts';
import { reminders } from './zh-CN/reminders.ts';
import { settings } from './zh-CN/settings.ts';
import { trash } from './zh-CN/trash.ts';
import { duplicates } from './zh-CN/duplicates.ts';
import { owners } from './zh-CN/owners.ts';
import { backups } from './zh-CN/backups.ts';
import { mail } from './zh-CN/mail.ts';
import { search } from './zh-CN/search.ts';
import { dataFolder } from './zh-CN/data-folder.ts';
import { contactImport } from './zh-CN/contact-import.ts';
import { mailSources } from './zh-CN/mail-sources.ts';
import { imports } from './zh-CN/imports.ts';
import { dataExports } from './zh-CN/exports.ts';
import { quoteMail } from './zh-CN/quote-mail.ts';
import { products } from './zh-CN/products.ts';
import { quoteDocuments } from './zh-CN/quote-documents.ts';
import { reports } from './zh-CN/reports.ts';
import { samples } from './zh-CN/samples.ts';
import { payments } from './zh-CN/payments.ts';
import { tasks } from './zh-CN/tasks.ts';
import { scores } from './zh-CN/scores.ts';

import { quotes } from './zh-CN/quotes.ts';
/** Every Chinese message; each area's file is typed against the English one, so a missing key fails the typecheck. */
export const zhCN = { ...errors, ...common, ...customers, ...personality, ...reminders, ...settings, ...trash, ...duplicates, ...owners, ...backups, ...mail, ...search, ...dataFolder, ...contactImport, ...mailSources, ...imports, ...dataExports, ...quoteMail, ...products, ...quoteDocuments, ...quotes, ...reports, ...samples, ...payments, ...tasks, ...scores };
