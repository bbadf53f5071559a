import type { DbOrTx } from '../../../db/database.ts';
import { EMPTY_LETTERHEAD, Letterhead, type LetterheadPatch } from '../../../shared/contract/letterhead.contract.ts';
import { readStoredSettings } from './settings.queries.ts';

/** The letterhead as stored (settings key `letterhead`, JSON); empty until the user fills it in. */
export async function readLetterhead(db: DbOrTx): Promise<Letterhead> {
  const stored = (await readStoredSettings(db, ['letterhead'])).get('letterhead');
  // A value another version wrote with fields missing still gives what it has.
  const parsed = Letterhead.partial().safeParse(stored);
  return parsed.success ? { ...EMPTY_LETTERHEAD, ...parsed.data } : EMPTY_LETTERHEAD;
}

/** The letterhead after a save: texts given replace, the logo is the one just stored, or removed. */
export function patchedLetterhead(current: Letterhead, patch: LetterheadPatch, logo: Letterhead['logo'] | undefined): Letterhead {
  const { logoPath: _ignored, ...texts } = patch;
  const next: Letterhead = { ...current };
  for (const [key, value] of Object.entries(texts) as Array<[keyof typeof texts, string | undefined]>) {
    if (value !== undefined) next[key] = value;
  }
  if (logo !== undefined) next.logo = logo;
  return next;
}
