import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable } from 'kysely';

/** The EXPLAIN QUERY PLAN lines of a query: SQL text with its parameters, or a compiled kysely query. */
export function queryPlan(sqlite: BetterSqlite3.Database, query: Compilable | string, ...params: unknown[]): string[] {
  const compiled = typeof query === 'string' ? { sql: query, parameters: params } : query.compile();
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}
