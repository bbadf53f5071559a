import BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from './migrations/migrations.index.ts';
import { createKysely } from './open-database.ts';

/** One schema object as SQLite describes it: "table customers(id,name,…)", "index customers_due", … */
type SchemaShape = Map<string, string>;

/**
 * The schema each migration version has, built once per version by running the migrations up
 * to it in an in-memory database: the migrations are the only definition of the schema, so the
 * check can never drift from them.
 */
const expected = new Map<string, Promise<SchemaShape>>();

export function expectedSchema(version: string): Promise<SchemaShape> {
  let shape = expected.get(version);
  if (!shape) {
    shape = buildExpected(version);
    expected.set(version, shape);
  }
  return shape;
}

async function buildExpected(version: string): Promise<SchemaShape> {
  const sqlite = new BetterSqlite3(':memory:');
  const db = createKysely(sqlite);
  try {
    // Loaded here, not with the module: only checking a backup needs it, and every start loads this file.
    const { Migrator } = await import('kysely/migration');
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    const { error } = await migrator.migrateTo(version);
    if (error) throw error;
    return readSchemaShape(sqlite);
  } finally {
    await db.destroy();
  }
}

/** Every table (with its columns, types and constraints), index, trigger and view of a database. */
export function readSchemaShape(sqlite: BetterSqlite3.Database): SchemaShape {
  const shape: SchemaShape = new Map();
  const objects = sqlite
    .prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string }>;
  for (const { type, name } of objects) {
    if (type !== 'table') {
      shape.set(`${type} ${name}`, '');
      continue;
    }
    const columns = sqlite.pragma(`table_xinfo("${name.replaceAll('"', '""')}")`) as Array<{ name: string; type: string; notnull: number; pk: number }>;
    shape.set(`table ${name}`, columns.map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}${c.pk ? ' PK' : ''}`).join(', '));
  }
  return shape;
}

/**
 * What the file lacks or has differently from the schema of its own migration version: empty
 * when it is whole. Extra objects are not a fault (SQLite's own statistics tables, say).
 */
export async function schemaDifferences(sqlite: BetterSqlite3.Database, version: string): Promise<string[]> {
  const want = await expectedSchema(version);
  const have = readSchemaShape(sqlite);
  const problems: string[] = [];
  // Tables first: "missing table customers" says more than the indexes and triggers on it.
  const objects = [...want].sort(([a], [b]) => Number(!a.startsWith('table ')) - Number(!b.startsWith('table ')));
  for (const [object, columns] of objects) {
    const found = have.get(object);
    if (found === undefined) problems.push(`missing ${object}`);
    else if (found !== columns) problems.push(`${object} has columns (${found}), expected (${columns})`);
  }
  return problems;
}
