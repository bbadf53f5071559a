import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../../../db/database.ts';
import type { Clock } from './clock.ts';
import type { Emit } from './events.ts';
import type { Logger } from './logger.ts';

/** What every service factory receives: explicit dependencies, no singletons. */
export interface ServiceDeps {
  db: Db;
  sqlite: BetterSqlite3.Database;
  clock: Clock;
  emit: Emit;
  log: Logger;
}
