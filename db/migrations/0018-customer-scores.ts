import type { Kysely } from 'kysely';

/**
 * The computed value (RFM) score per customer and lifecycle suggestions (issue 14 point 4). Reserved; the scores work fills it in.
 *
 * Forward-only: never edit this once shipped.
 */
export async function up(_db: Kysely<unknown>): Promise<void> {}
