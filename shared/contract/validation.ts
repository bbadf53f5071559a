import type { z } from 'zod';
import type { FieldError } from './result.ts';

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
      case 'custom':
        return { path, message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' };
      default:
        return { path, message: 'validation.invalid' };
    }
  });
}
