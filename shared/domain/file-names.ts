/**
 * A name from the mail (an attachment's file name, an account's address) or a customer's name
 * (the mail export's default file name) as a file name that
 * Windows, macOS and Linux all accept: no path separators or reserved characters, no control
 * or bidi-override characters (a "gpj.exe" shown as "exe.jpg"), no trailing dot or blank, not a
 * reserved device name, at most 200 UTF-8 bytes with the extension kept. Bytes, not characters:
 * ext4 and APFS limit a name to 255 bytes, and a Chinese character takes three.
 */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_BYTES = 200;

/** UTF-8 length without Buffer or TextEncoder allocations: the renderer (no Buffer) names export files with this too. */
function utf8Bytes(s: string): number {
  let n = 0;
  for (const point of s) {
    const cp = point.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The longest start of `text` within `budget` UTF-8 bytes, cut between code points (never inside a surrogate pair). */
function cutToBytes(text: string, budget: number): string {
  let out = '';
  let used = 0;
  for (const point of Array.from(text)) {
    used += utf8Bytes(point);
    if (used > budget) break;
    out += point;
  }
  return out;
}

const trimEnd = (s: string) => s.replace(/[. ]+$/, '');

export function safeFileName(name: string | null | undefined, fallback: string): string {
  let clean = (name ?? '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  clean = trimEnd(clean);
  if (clean === '' || clean === '.' || clean === '..') clean = fallback;
  if (utf8Bytes(clean) > MAX_BYTES) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    const stem = trimEnd(cutToBytes(clean.slice(0, clean.length - ext.length), MAX_BYTES - utf8Bytes(ext)));
    clean = stem === '' ? fallback : stem + ext;
  }
  if (RESERVED.test(clean)) clean = `_${clean}`;
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
