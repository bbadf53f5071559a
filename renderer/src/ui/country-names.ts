import type { Language } from '../../../shared/i18n/catalogs.ts';

import { COUNTRY_NAME_TABLE } from './country-names.data.ts';

/**
 * The names come from a table generated from Intl.DisplayNames (country-names.data.ts): creating
 * the first DisplayNames of a page loads ICU's region names (~28 ms measured), and every row of
 * the customer list's first paint shows a country. Codes outside the table still go through Intl.
 */
const TABLE: Record<Language, Record<string, string>> = COUNTRY_NAME_TABLE;

/** ISO 3166-1 alpha-2 codes. */
export const COUNTRY_CODES = Object.keys(COUNTRY_NAME_TABLE.en);

const displayNames = new Map<Language, Intl.DisplayNames>();

export function countryName(code: string | null | undefined, language: Language): string {
  if (!code) return '';
  const upper = code.toUpperCase();
  const known = TABLE[language][upper];
  if (known !== undefined) return known;
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  try {
    return names.of(upper) ?? code;
  } catch {
    return code;
  }
}

export interface CountryOption {
  value: string;
  label: string;
}

const optionCache = new Map<Language, CountryOption[]>();

/** Every country, named and sorted in the UI language (pinyin order for Chinese). */
export function countryOptions(language: Language): CountryOption[] {
  let options = optionCache.get(language);
  if (!options) {
    const collator = new Intl.Collator(language);
    options = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, language) })).sort((a, b) => collator.compare(a.label, b.label));
    optionCache.set(language, options);
  }
  return options;
}
