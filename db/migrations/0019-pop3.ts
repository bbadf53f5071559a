import type { Kysely } from 'kysely';

/**
 * POP3 accounts and the UIDLs already downloaded (issue 14 point 7). Reserved; the POP3 work fills it in.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(_db: Kysely<unknown>): Promise<void> {}
