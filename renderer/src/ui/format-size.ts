import type { TFunction } from 'i18next';

const UNITS = ['b', 'kb', 'mb', 'gb'] as const;

/** Bytes in the largest unit that keeps the number at least 1, with one decimal past KB. */
export function formatSize(t: TFunction, bytes: number, language: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const formatted = new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return t(`backups.size.${UNITS[unit]}`, { value: formatted });
}
