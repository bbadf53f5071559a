import type { catalogs as Catalogs, Language } from '../../../shared/i18n/catalogs.ts';

/**
 * The words written into an exported file (column headers, sheet names, a stage's name) in the
 * language asked for. The renderer and the CLI translate messages themselves; a file is read
 * outside the app, so its words are chosen here, from the same catalogs.
 */
export type ExportText = (key: string) => string;

function lookup(catalogs: typeof Catalogs, language: Language, key: string): string | undefined {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Loaded on the first export, not with the mail code: the catalogs are ~30 modules every start would pay for. */
export async function exportText(language: Language): Promise<ExportText> {
  const { catalogs } = await import('../../../shared/i18n/catalogs.ts');
  return (key) => lookup(catalogs, language, key) ?? lookup(catalogs, 'en', key) ?? key;
}
