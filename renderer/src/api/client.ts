import type { CallInput, CallKey, CallOutput, EventKey, EventPayload } from '../../../shared/contract/contract.ts';
import type { AppError } from '../../../shared/contract/result.ts';
import { createTransport } from './transport.ts';

/** A failed call, carrying the contract's error (an i18n key with parameters). */
export class CallError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

// Made on first use: the host renders the first screen with these modules loaded, and has no window.
let transport: ReturnType<typeof createTransport> | null = null;
const connection = () => (transport ??= createTransport());

/** The one typed client: every renderer call to the main process goes through here. */
export async function call<K extends CallKey>(key: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await connection().invoke(key, input);
  if (!result.ok) throw new CallError(result.error);
  return result.value as CallOutput<K>;
}

export function onEvent<K extends EventKey>(event: K, listener: (payload: EventPayload<K>) => void): () => void {
  return connection().on(event, (payload) => listener(payload as EventPayload<K>));
}
