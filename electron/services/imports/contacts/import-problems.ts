import type { MessageParams } from '../../../../shared/contract/result.ts';

/**
 * What can be wrong with a contact file, a sheet, a column or a row. Problems travel as data
 * (code + params); the preview turns `message` into text in the user's language
 * (shared/i18n/<language>/contact-import.ts).
 */
export const PROBLEM_CODES = [
  // sheet-level
  'duplicateHeader',
  'missingHeader',
  'noHeaderRow',
  'unclosedQuote',
  'recordTooLong',
  'brokenCard',
  // row-level
  'extraCells',
  'undecodableText',
  'noNameOrCompany',
  'invalidEmail',
  'invalidPhone',
  'phoneInScientificNotation',
  'formulaWithoutResult',
  'unknownCountry',
  'unknownGrade',
  'unknownStage',
  'unknownSource',
  'valueTooLong',
  'invalidWebsite',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** `error`: the row cannot be imported as it is; `warning`: it can, and the problem says what was changed or left out. */
export type ProblemSeverity = 'error' | 'warning';

export interface ImportProblem {
  code: ProblemCode;
  severity: ProblemSeverity;
  /** i18n key: `contactImport.problems.<code>`. */
  message: string;
  /**
   * Always `sheet` (its name); `row` as the user sees it (Excel's row number, or a vCard's
   * card number), `column` as a letter (A, B, … AA) and `header` as written, where they apply.
   */
  params: MessageParams;
}

const ERRORS: ReadonlySet<ProblemCode> = new Set(['noNameOrCompany', 'unclosedQuote', 'recordTooLong', 'brokenCard', 'noHeaderRow']);

export function problem(code: ProblemCode, params: MessageParams): ImportProblem {
  return { code, severity: ERRORS.has(code) ? 'error' : 'warning', message: `contactImport.problems.${code}`, params };
}

/** Excel's column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** File-level failures (nothing could be read), thrown as AppFailure with these i18n keys. */
export const FILE_ERROR_KEYS = {
  unsupported: 'contactImport.file.unsupported',
  legacyXls: 'contactImport.file.legacyXls',
  notWorkbook: 'contactImport.file.notWorkbook',
  empty: 'contactImport.file.empty',
  unreadable: 'contactImport.file.unreadable',
} as const;
export type FileErrorKind = keyof typeof FILE_ERROR_KEYS;
