import type { ContactRowAction } from '../../../../shared/contract/imports.contract.ts';
import type { CsvDelimiter, TextEncoding } from '../contacts/contact-sheet.types.ts';
import type { ColumnTarget } from '../contacts/header-mapping.ts';

/** What a contact batch was asked to do (import_batches.options, JSON): a resume reads the sheet the same way. */
export interface ContactImportOptions {
  sheet: number;
  mapping: ColumnTarget[];
  decisions: Array<{ rowNumber: number; action: ContactRowAction }>;
  encoding?: TextEncoding;
  delimiter?: CsvDelimiter;
}

/** What one row added to what was there (import_contact_rows.added, JSON). */
export interface ContactRowAdditions {
  channels: string[];
  filled: Array<{ field: 'local_name' | 'country' | 'website' | 'address' | 'notes'; before: string | null; written: string }>;
  tagLinks: string[];
  createdTags: string[];
  /** Custom field values added to a customer that was there (it held none for the field); `written` is the stored JSON. Absent in records written before imports made custom fields. */
  fieldValues?: Array<{ fieldId: string; written: string }>;
  /** Custom field definitions the chunk made (on its first row's record). */
  createdFields?: string[];
}
