import { errors as enErrors } from './en/errors.ts';
import { errors as zhErrors } from './zh-CN/errors.ts';

/**
 * All message catalogs. Each area has one file per language under en/ and zh-CN/; the zh-CN
 * file is typed against the English one, so a missing key fails the typecheck.
 * Add an area by importing both files here and spreading them into each language.
 */
export const catalogs = {
  en: { ...enErrors },
  'zh-CN': { ...zhErrors },
} as const;

export type Language = keyof typeof catalogs;
