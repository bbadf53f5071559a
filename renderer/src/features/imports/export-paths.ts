/**
 * `folder` (chosen in the desktop app's folder dialog) joined with the file name of `current`
 * (what was typed), or with `fallback` when nothing that looks like a file name was typed — with
 * the folder's own separator, so a Windows folder gets a Windows path.
 */
export function inFolder(folder: string, current: string | undefined, fallback: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  const name = current?.trim().split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  return `${folder.replace(/[\\/]+$/, '')}${separator}${name && name.includes('.') ? name : fallback}`;
}

/**
 * A path as a key that the path typed and the one the service reports (normalised by Node's
 * path.normalize: "/a//b/" → "/a/b/", "D:/x" → "D:\\x" on Windows) agree on.
 */
export function pathKey(p: string): string {
  return p.trim().replace(/[\\/]+/g, '/').replace(/(.)\/$/, '$1');
}
