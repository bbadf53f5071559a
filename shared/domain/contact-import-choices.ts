/**
 * The choices of a contact-sheet import as plain values, for the contract's enums
 * (shared/contract/imports.contract.ts) and for the Import center's selects. Kept apart from
 * the contract so the renderer's import chunk does not carry zod: zod probes `Function('')` to
 * decide whether it may compile validators, and under the app's CSP (no 'unsafe-eval') each
 * probe is a reported violation (test/e2e/mail-hostile-html.e2e.ts counts them).
 */

/** The fields a sheet's column can fill (electron/services/imports/contacts/contact-fields.ts, CONTACT_FIELDS). */
export const CONTACT_IMPORT_FIELDS = [
  'companyName', 'localName', 'contactName', 'firstName', 'lastName', 'title', 'email', 'phone', 'mobile', 'whatsapp', 'wechat', 'skype',
  'country', 'website', 'address', 'grade', 'stage', 'source', 'notes', 'contactNotes', 'tags', 'owner',
] as const;

export const TEXT_ENCODING_CHOICES = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'windows-1252'] as const;
export type TextEncodingChoiceValue = (typeof TEXT_ENCODING_CHOICES)[number];

export const CSV_DELIMITER_CHOICES = [',', ';', '\t'] as const;
export type CsvDelimiterChoiceValue = (typeof CSV_DELIMITER_CHOICES)[number];

/** Narrows a select's value to one of `choices`, or null when it is none of them. */
export function oneOf<T extends string>(choices: readonly T[], value: unknown): T | null {
  return (choices as readonly unknown[]).includes(value) ? (value as T) : null;
}
