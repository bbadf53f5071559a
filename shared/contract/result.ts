/** Error codes that cross the contract boundary; a closed union so the renderer can handle each. */
export const ERROR_CODES = [
  'validation',
  'notFound',
  'conflict',
  'backupInvalid',
  'migrationFailed',
  'unauthorized',
  'unknownCall',
  /** The disk holding the data folder is full; the write was undone. */
  'diskFull',
  /** The database file (or its folder) cannot be written; the write was undone. */
  'readOnly',
  /** Another program holds the database's write lock; trying again later may work. */
  'busy',
  /** The database file could not be read or written (an I/O error, a damaged file). */
  'storageFailed',
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
  /**
   * The underlying cause in the words of whatever failed (e.g. SQLite's code and message), for
   * the log and for support. Never shown as the message: it is not in the user's language, and
   * SQLite's words mislead ("database or disk is full" for a write that was wholly undone).
   */
  details?: string;
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
