import type { z } from 'zod';
import type { FieldError, MessageParams } from './result.ts';

/** The string and number parameters a refinement gave its message (e.g. `{ max: 100 }`). */
function messageParams(params: Record<string, unknown> | undefined): MessageParams | undefined {
  if (!params) return undefined;
  const out: MessageParams = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/**
 * Maps zod issues to i18n keys with parameters, so the renderer can say "Name is required" or
 * "Website is longer than 300 characters" in the user's language, naming the field by its path.
 */
export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue): FieldError => {
    const path = issue.path.map(String).join('.');
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { path, message: 'validation.required' };
        return { path, message: 'validation.tooSmall', params: { min: Number(issue.minimum) } };
      case 'too_big':
        if (issue.origin === 'string') return { path, message: 'validation.tooLong', params: { max: Number(issue.maximum) } };
        return { path, message: 'validation.tooBig', params: { max: Number(issue.maximum) } };
      case 'invalid_type':
        return { path, message: issue.input === undefined ? 'validation.required' : 'validation.invalidType' };
      case 'invalid_format':
        return { path, message: issue.format === 'email' ? 'validation.invalidEmail' : 'validation.invalidFormat' };
      case 'invalid_value':
        return { path, message: 'validation.invalidChoice' };
      case 'invalid_key': {
        // The path ends with the offending key itself; it may be huge or garbage, so the error
        // names the record that holds it instead.
        const at = issue.path.slice(0, -1).map(String).join('.');
        const inner = issue.issues[0];
        if (inner?.code === 'too_big') return { path: at, message: 'validation.keyTooLong', params: { max: Number(inner.maximum) } };
        return { path: at, message: 'validation.invalidKey' };
      }
      case 'custom': {
        const message = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
        const params = messageParams(issue.params);
        return params ? { path, message, params } : { path, message };
      }
      default:
        return { path, message: 'validation.invalid' };
    }
  });
}
