import type { Kysely } from 'kysely';

/**
 * Tasks and appointments (issue 14 point 1). Reserved; the tasks work fills it in.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(_db: Kysely<unknown>): Promise<void> {}
