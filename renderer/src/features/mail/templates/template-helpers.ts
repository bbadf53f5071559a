import { TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from '../../../../../shared/domain/mail-template.ts';

/** Pure helpers of the template editor, for tests. */

export function placeholderToken(placeholder: TemplatePlaceholder): string {
  return `{{${placeholder}}}`;
}

/** Text with `insert` in place of the selection [start, end), and where the caret goes after it. */
export function insertAt(value: string, start: number, end: number, insert: string): { value: string; caret: number } {
  const from = Math.max(0, Math.min(start, end, value.length));
  const to = Math.min(value.length, Math.max(start, end, from));
  return { value: value.slice(0, from) + insert + value.slice(to), caret: from + insert.length };
}

export type PlaceholderGroup = 'contact' | 'customer' | 'account';

/** The placeholders by what they are about, in the order of TEMPLATE_PLACEHOLDERS. */
export function placeholderGroups(): Array<{ group: PlaceholderGroup; placeholders: TemplatePlaceholder[] }> {
  const groups: PlaceholderGroup[] = ['contact', 'customer', 'account'];
  return groups.map((group) => ({ group, placeholders: TEMPLATE_PLACEHOLDERS.filter((p) => p.startsWith(`${group}.`)) }));
}
