import { catalogs, type Language } from '../../../shared/i18n/catalogs.ts';

/**
 * The words written into an exported file (column headers, sheet names, a stage's name) in the
 * language asked for. The renderer and the CLI translate messages themselves; a file is read
 * outside the app, so its words are chosen here, from the same catalogs.
 */
export type ExportText = (key: string) => string;

function lookup(language: Language, key: string): string | undefined {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function exportText(language: Language): ExportText {
  return (key) => lookup(language, key) ?? lookup('en', key) ?? key;
}
