import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables/tables.ts';

/**
 * The database types every query module takes (README, "Where SQL lives"). One name each, so a
 * reader never wonders whether two aliases differ.
 */
export type { Database };
/** The database, outside any transaction. */
export type Db = Kysely<Database>;
/** Inside `db.transaction()`: a write that must join its caller's transaction takes this. */
export type Tx = Transaction<Database>;
/** A query that runs on its own or inside its caller's transaction. */
export type DbOrTx = Db | Tx;
