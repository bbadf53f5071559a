import type { TFunction } from 'i18next';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';

type ImportText = NonNullable<ImportBatch['error']>;

/**
 * A full path on any of the systems the app runs on: POSIX (`/…`), a Windows drive (`D:\…`,
 * `D:/…`) or a network share (`\\server\…`). The service resolves a relative path against its
 * own working folder, which is never what the user meant, so the form refuses one up front.
 */
export function isFullPath(path: string): boolean {
  return /^(\/|[A-Za-z]:[\\/]|\\\\[^\\])/.test(path.trim());
}

/** The archive's own name (last part of its path), for titles and messages. */
export function archiveName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** A message the service sent as an i18n key with parameters (problems, labels, errors). */
export function importText(t: TFunction, text: ImportText): string {
  return t(text.key, { ...text.params, defaultValue: text.key });
}

/** How far an import is, 0–100, by bytes when the archive's size is known; null when it is not. */
export function progressPercent(batch: Pick<ImportBatch, 'bytesDone' | 'bytesTotal' | 'status'>): number | null {
  if (batch.status === 'done') return 100;
  if (batch.bytesTotal === null || batch.bytesTotal <= 0) return null;
  return Math.min(100, Math.floor((batch.bytesDone / batch.bytesTotal) * 100));
}

/** "12 s left", "about 4 min left", "about 2 h left": a rough figure reads better than 3:59:12. */
export function etaText(t: TFunction, seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('imports.center.running.eta.unknown');
  if (seconds < 90) return t('imports.center.running.eta.seconds', { count: Math.max(1, Math.round(seconds)) });
  if (seconds < 90 * 60) return t('imports.center.running.eta.minutes', { count: Math.round(seconds / 60) });
  return t('imports.center.running.eta.hours', { count: Math.round(seconds / 3600) });
}

/** Where an import can go from its status. */
// A mail import without its account was undone; a contact import never has one.
export const canResume = (b: Pick<ImportBatch, 'status' | 'accountId' | 'kind'>) => (b.status === 'interrupted' || b.status === 'cancelled') && (b.kind === 'contacts' || b.accountId !== null);
export const canUndo = (b: Pick<ImportBatch, 'status'>) => b.status !== 'undone' && b.status !== 'running';
