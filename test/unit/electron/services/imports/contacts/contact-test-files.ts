import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll } from 'vitest';
import type { ContactFile, SheetRow } from '../../../../../../electron/services/imports/contacts/contact-sheet.types.ts';

/** A temp folder for one test file's fixtures, removed after its tests. */
export function tempFolder(): (name: string, content: string | Buffer, encoding?: string) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-contacts-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, content, encoding) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof content === 'string' && encoding ? iconv.encode(content, encoding) : content);
    return file;
  };
}

export async function allRows(file: ContactFile, sheet = 0): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of file.rows(sheet)) rows.push(row);
  return rows;
}

/** Header texts, for short assertions. */
export const headerTexts = (file: ContactFile, sheet = 0) => file.sheets[sheet]!.headers.map((h) => h.text);
