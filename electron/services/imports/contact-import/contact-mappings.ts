import type { DbOrTx } from '../../../../db/database.ts';
import type { ColumnHeader } from '../contacts/contact-sheet.types.ts';
import { normalizeHeader } from '../contacts/contact-fields.ts';
import { rememberMapping, type ColumnTarget, type SavedHeaderMapping } from '../contacts/header-mapping.ts';
import { saveMapping, savedMappingFor } from './contact-import.queries.ts';

/** A sheet's headers as one key: the same columns, in any sheet or file, find the same saved mapping. */
export function headerSetKey(headers: readonly ColumnHeader[]): string {
  return headers.map((h) => normalizeHeader(h.text)).join('|');
}

/** The saved mapping by name, or (no name) the newest one made for these headers. */
export async function findSavedMapping(db: DbOrTx, headers: readonly ColumnHeader[], name?: string): Promise<{ name: string; mapping: SavedHeaderMapping } | null> {
  const row = await savedMappingFor(db, name !== undefined ? { name } : { headerSet: headerSetKey(headers) });
  return row ? { name: row.name, mapping: JSON.parse(row.mapping) as SavedHeaderMapping } : null;
}

/** Saves the mapping the user confirmed for these headers under `name` (replacing one of that name). */
export async function storeMapping(db: DbOrTx, name: string, headers: readonly ColumnHeader[], targets: readonly ColumnTarget[], now: number): Promise<void> {
  await saveMapping(db, { name, header_set: headerSetKey(headers), mapping: JSON.stringify(rememberMapping(headers, targets)), updated_at: now });
}
