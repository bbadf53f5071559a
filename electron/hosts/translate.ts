import { catalogs, type Language } from '../../shared/i18n/catalogs.ts';
import { AppFailure, type MessageParams } from '../../shared/contract/result.ts';
import { storageFailure } from '../services/core/storage-errors.ts';

/** 'zh', 'zh-CN', 'zh-Hans-CN', 'zh_CN.UTF-8' → zh-CN; everything else → en. */
export function pickLanguage(locale: string | null | undefined): Language {
  return locale && /^zh\b/i.test(locale.replace('_', '-')) ? 'zh-CN' : 'en';
}

/** The OS language for hosts without a browser (CLI, dialogs before the renderer exists). */
export function systemLocale(env: Readonly<Record<string, string | undefined>>): string {
  return env.LC_ALL || env.LC_MESSAGES || env.LANG || Intl.DateTimeFormat().resolvedOptions().locale;
}

function lookup(language: Language, key: string): string | undefined {
  let node: unknown = catalogs[language];
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * The renderer uses i18next; the main process and the CLI only need a handful of messages
 * (a blocking error dialog, a notification, CLI errors), so this is the same catalogs with a
 * tiny `{{param}}` interpolation and i18next's `_one`/`_other` plural keys.
 */
export function translate(language: Language, key: string, params: MessageParams = {}): string {
  const count = params.count;
  const plural = typeof count === 'number' ? `${key}_${count === 1 ? 'one' : 'other'}` : undefined;
  const template =
    (plural && lookup(language, plural)) ?? lookup(language, key) ?? (plural && lookup('en', plural)) ?? lookup('en', key) ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * One line for a failure that stops a host from starting (a migration error, a locked file, a
 * full disk…). Pass the database file when it is known: a read-only file is then named, and an
 * I/O error is recognised as a full disk by the free space beside it (see storage-errors.ts).
 */
export function describeFailure(language: Language, err: unknown, databaseFile?: string): string {
  if (err instanceof AppFailure) return translate(language, err.error.message, err.error.params);
  // SQLite's own words are English and often misleading ("disk I/O error" for a full disk).
  const storage = storageFailure(err, databaseFile);
  if (storage) return translate(language, storage.message, storage.params);
  return err instanceof Error ? err.message : String(err);
}
