/** Error codes that cross the contract boundary; a closed union so the renderer can handle each. */
export const ERROR_CODES = [
  'validation',
  'notFound',
  'conflict',
  'backupInvalid',
  'migrationFailed',
  'unauthorized',
  'unknownCall',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type MessageParams = Record<string, string | number>;

/** One field problem: `path` names the field (e.g. `contacts.0.email`), `message` is an i18n key. */
export interface FieldError {
  path: string;
  message: string;
  params?: MessageParams;
}

export interface AppError {
  code: ErrorCode;
  /** i18n key, shown with `params` in the user's language. */
  message: string;
  params?: MessageParams;
  fieldErrors?: FieldError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Thrown inside services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

export function fail(code: ErrorCode, message: string, params?: MessageParams, fieldErrors?: FieldError[]): never {
  throw new AppFailure({ code, message, ...(params ? { params } : {}), ...(fieldErrors ? { fieldErrors } : {}) });
}
