/**
 * A name from the mail (an attachment's file name, an account's address) as a file name that
 * Windows, macOS and Linux all accept: no path separators or reserved characters, no control
 * characters, no trailing dot or blank, not a reserved device name, at most 150 characters
 * with the extension kept.
 */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

export function safeFileName(name: string | null | undefined, fallback: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  let clean = (name ?? '').normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_').trim().replace(/[. ]+$/, '');
  if (clean === '' || clean === '.' || clean === '..') clean = fallback;
  if (RESERVED.test(clean)) clean = `_${clean}`;
  if (clean.length > 150) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, 150 - ext.length) + ext;
  }
  return clean;
}

/** `name`, or "stem (2).ext", "stem (3).ext"… when `taken` says the name is used. */
export function freeName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken(candidate)) return candidate;
  }
}
