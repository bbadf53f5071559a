/**
 * Custom field labels are free text with no unique index, so "the same field" is decided by
 * this key: NFKC (full-width "ＷｅＣｈａｔ" and half-width "WeChat" are one label), lower case,
 * runs of white space as one space. A contact import maps a column to a field by it.
 *
 * @example
 * customFieldLabelKey(' Trade  Fair ') === customFieldLabelKey('ｔｒａｄｅ fair'); // true
 */
export function customFieldLabelKey(label: string): string {
  return label.normalize('NFKC').trim().replace(/\s+/gu, ' ').toLowerCase();
}
