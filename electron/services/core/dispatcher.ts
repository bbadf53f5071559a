import {
  contract,
  type CallKey,
  type CallOutput,
  type ParsedInput,
} from '../../../shared/contract/contract.ts';
import { AppFailure, type AppError, type Result } from '../../../shared/contract/result.ts';
import { toFieldErrors } from '../../../shared/contract/validation.ts';
import type { Logger } from './logger.ts';
import { storageFailure } from './storage-errors.ts';

export type Handler<K extends CallKey> = (input: ParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
export type Handlers = { [K in CallKey]: Handler<K> };

export interface Dispatcher {
  dispatch(key: string, input: unknown): Promise<Result<unknown>>;
}

function isCallKey(key: string): key is CallKey {
  return Object.hasOwn(contract, key);
}

/**
 * The single entry point of every host: validates the input against the contract, runs the
 * handler, and turns any failure into data. `checkOutputs` (on in tests) also validates what
 * handlers return, so the contract and the services cannot drift apart.
 */
export function createDispatcher(
  getHandlers: () => Handlers,
  options: {
    log: Logger;
    checkOutputs?: boolean;
    /**
     * The database file: named when it is read-only, and its folder is where free space is
     * checked when a write fails with an I/O error (see storage-errors.ts).
     */
    databaseFile?: string;
  },
): Dispatcher {
  return {
    async dispatch(key, input) {
      if (!isCallKey(key)) {
        return { ok: false, error: { code: 'unknownCall', message: 'errors.unknownCall', params: { key } } };
      }
      const spec = contract[key];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: 'validation', message: 'errors.validation', fieldErrors: toFieldErrors(parsed.error) },
        };
      }
      try {
        const handler = getHandlers()[key] as (input: unknown) => Promise<unknown> | unknown;
        const value = await handler(parsed.data);
        if (options.checkOutputs) {
          const out = spec.output.safeParse(value);
          if (!out.success) throw new Error(`output of ${key} breaks the contract: ${out.error.message}`);
        }
        return { ok: true, value };
      } catch (err) {
        if (err instanceof AppFailure) return { ok: false, error: err.error };
        options.log.error(`call ${key} failed`, { error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        // A fault of the database (full disk, read-only file, lock, I/O) gets a message of its
        // own; SQLite's English text stays in `details` and the log.
        const storage = storageFailure(err, options.databaseFile);
        if (storage) return { ok: false, error: storage };
        const error: AppError = {
          code: 'internal',
          message: 'errors.internal',
          params: { reason: err instanceof Error ? err.message : String(err) },
        };
        return { ok: false, error };
      }
    },
  };
}
