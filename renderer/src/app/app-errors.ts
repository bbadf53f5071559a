import type { FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/contract/result.ts';
import { CallError } from '../api/client.ts';
import { toNamePath, translateFieldError } from './field-errors.ts';
import { useFeedback } from './feedback.ts';

/** Anything thrown at the UI becomes an AppError, so one code path shows it. */
export function toAppError(err: unknown): AppError {
  if (err instanceof CallError) return err.error;
  const reason = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: 'errors.internal', params: { reason } };
}

export function translateError(t: TFunction, error: AppError): string {
  return t(error.message, { reason: '', ...error.params, defaultValue: error.message });
}


/** Shows an error as a toast in the user's language. */
export function useShowError(): (err: unknown) => void {
  const { t } = useTranslation();
  const { message } = useFeedback();
  return useCallback((err: unknown) => void message.error(translateError(t, toAppError(err))), [message, t]);
}

/**
 * Puts a failed save's field errors under the form's fields. `labelOf` returns the translated
 * label of a field path, or undefined when the form has no such field; those errors (and
 * errors without fields) are shown as a toast instead, so nothing is swallowed.
 */
export function useFormErrorHandler(form: FormInstance, labelOf: (path: string) => string | undefined): (err: unknown) => void {
  const { t } = useTranslation();
  const { message } = useFeedback();
  return useCallback(
    (err: unknown) => {
      const error = toAppError(err);
      const leftovers: string[] = [];
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      for (const fe of error.fieldErrors ?? []) {
        const label = labelOf(fe.path);
        if (label === undefined) leftovers.push(translateFieldError(t, fe, fe.path));
        else {
          const name = toNamePath(fe.path);
          const text = translateFieldError(t, fe, label);
          const existing = fields.find((f) => f.name.join('.') === name.join('.'));
          if (existing) existing.errors.push(text);
          else fields.push({ name, errors: [text] });
        }
      }
      if (fields.length) {
        form.setFields(fields);
        form.scrollToField(fields[0]!.name);
      }
      if (leftovers.length) void message.error(leftovers.join(' '));
      else if (!fields.length) void message.error(translateError(t, error));
    },
    [form, labelOf, message, t],
  );
}
