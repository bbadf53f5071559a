import type { Kysely } from 'kysely';

/**
 * Payment terms of accepted quotes: expected payments and letters of credit (issue 14 point 2). Reserved; the payments work fills it in.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(_db: Kysely<unknown>): Promise<void> {}
