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
