import { errors } from './en/errors.ts';
import { common } from './en/common.ts';
import { customers } from './en/customers.ts';
import { personality } from './en/personality.ts';
import { reminders } from './en/reminders.ts';
import { settings } from './en/settings.ts';
import { trash } from './en/trash.ts';
import { duplicates } from './en/duplicates.ts';
import { owners } from './en/owners.ts';
import { backups } from './en/backups.ts';
import { mail } from './en/mail.ts';
import { search } from './en/search.ts';
import { dataFolder } from './en/data-folder.ts';
import { contactImport } from './en/contact-import.ts';
import { mailSources } from './en/mail-sources.ts';
import { imports } from './en/imports.ts';
import { dataExports } from './en/exports.ts';
import { quoteMail } from './en/quote-mail.ts';
import { products } from './en/products.ts';
import { quoteDocuments } from './en/quote-documents.ts';
import { reports } from './en/reports.ts';
import { samples } from './en/samples.ts';
import { payments } from './en/payments.ts';
import { tasks } from './en/tasks.ts';
import { scores } from './en/scores.ts';

import { quotes } from './en/quotes.ts';
/** Every English message, one area per file under en/ (an area is added there and here). */
export const en = { ...errors, ...common, ...customers, ...personality, ...reminders, ...settings, ...trash, ...duplicates, ...owners, ...backups, ...mail, ...search, ...dataFolder, ...contactImport, ...mailSources, ...imports, ...dataExports, ...quoteMail, ...products, ...quoteDocuments, ...quotes, ...reports, ...samples, ...payments, ...tasks, ...scores };
