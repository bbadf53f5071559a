import type { TFunction } from 'i18next';
import type { FieldError } from '../../../shared/contract/result.ts';

/** `validation.*` messages name the field: {{field}} is the field's label in the user's language. */
export function translateFieldError(t: TFunction, fieldError: FieldError, label: string): string {
  return t(fieldError.message, { ...fieldError.params, field: label, defaultValue: fieldError.message });
}

/** `contacts.0.email` → ['contacts', 0, 'email'], the NamePath antd Form expects. */
export function toNamePath(path: string): (string | number)[] {
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
