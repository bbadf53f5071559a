import fs from 'node:fs';
import path from 'node:path';
import type { MailSource, MailSourceItem, MailSourceKind, MailSourceOptions } from './mail-source.types.ts';
import { fileFormat, isMaildir, readFileEntry, walkDirectory, type Walk } from './folder-walk.ts';
import { ProgressState, problemItem, resolveOptions, text } from './source-items.ts';

/**
 * Opens a mail archive at `path` — an mbox file (mboxo/mboxrd: Thunderbird, Apple Mail's
 * .mbox bundle, Gmail Takeout), a Maildir (with Maildir++ subfolders), a folder tree of .eml
 * files (Foxmail, Outlook exports), Outlook .msg files or a .pst — and reads its messages as raw
 * RFC 822 bytes, each with a checkpoint position, its folder and a label for the report.
 *
 * @example
 * const source = await openMailSource('/Users/li/Archive.mbox', { resumeAfter: saved ?? undefined });
 * for await (const item of source.items()) {
 *   if (item.kind === 'message') batch.push(item.raw); else report.push(item);
 *   if (batch.length === 500) { commit(batch); saveCheckpoint(item.position); }
 * }
 */
export async function openMailSource(sourcePath: string, options: MailSourceOptions = {}): Promise<MailSource> {
  const abs = path.resolve(sourcePath);
  const resolved = resolveOptions(options);
  const stat = await fs.promises.stat(abs).catch((error: unknown) => error);
  if (!(stat instanceof fs.Stats)) return unreadableSource(abs, stat);
  const kind = stat.isDirectory() ? await directoryKind(abs) : await fileKind(abs);
  const rootName = stat.isDirectory() ? path.basename(abs).replace(/\.mbox$/i, '') : path.basename(abs).replace(/\.[^.]*$/, '');
  const segments = (options.resumeAfter?.container ?? '').split('/').filter(Boolean);
  const resume = options.resumeAfter ? { segments, at: options.resumeAfter.at } : null;

  let measured: { bytes: number; files: number } | null = stat.isDirectory() ? null : { bytes: stat.size, files: 1 };
  return {
    kind,
    path: abs,
    async measure() {
      measured ??= await measureTree(abs);
      return measured;
    },
    async *items(): AsyncGenerator<MailSourceItem> {
      const progress = new ProgressState();
      // A folder's total is known once measure() ran (the import may run it beside the reading).
      Object.defineProperty(progress, 'bytesTotal', { get: () => measured?.bytes ?? null });
      const walk: Walk = { rootAbs: abs, rootName, ctx: { options: resolved, progress } };
      if (stat.isDirectory()) {
        yield* walkDirectory(walk, [], resume);
      } else if (kind === 'unknown') {
        const c = { abs, container: '', folder: [rootName], name: path.basename(abs) };
        yield problemItem(c, { kind: 'file' }, 'sourceUnrecognised', {}, text('file', { file: c.name }), walk.ctx);
      } else {
        yield* readFileEntry(walk, [], resume?.at);
      }
    },
  };
}

function unreadableSource(abs: string, error: unknown): MailSource {
  const reason = error && typeof error === 'object' && 'code' in error ? String(error.code) : String(error);
  return {
    kind: 'unknown',
    path: abs,
    async measure() {
      return { bytes: 0, files: 0 };
    },
    async *items() {
      const c = { abs, container: '', folder: [path.basename(abs)], name: path.basename(abs) };
      const ctx = { options: resolveOptions({}), progress: new ProgressState() };
      yield problemItem(c, { kind: 'file' }, 'sourceUnreadable', { reason }, text('file', { file: abs }), ctx);
    },
  };
}

async function fileKind(abs: string): Promise<MailSourceKind> {
  const format = await fileFormat(abs).catch(() => 'other' as const);
  if (format === 'rfc822') return 'eml';
  return format === 'mbox' || format === 'msg' || format === 'pst' ? format : 'unknown';
}

async function directoryKind(abs: string): Promise<MailSourceKind> {
  if (await isMaildir(abs)) return 'maildir';
  const names = await fs.promises.readdir(abs).catch(() => [] as string[]);
  if (/\.mbox$/i.test(abs) && names.includes('mbox')) return 'mbox';
  const childMaildirs = await Promise.all(names.slice(0, 50).map((n) => isMaildir(path.join(abs, n))));
  return childMaildirs.includes(true) ? 'maildir' : 'folder';
}

/** Sizes of every file under the folder, summed as it goes (names and sizes only, nothing kept). */
async function measureTree(root: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const dir = await fs.promises.opendir(root, { recursive: true });
  for await (const entry of dir) {
    if (!entry.isFile()) continue;
    const size = await fs.promises.stat(path.join(entry.parentPath, entry.name)).then((s) => s.size, () => 0);
    bytes += size;
    files++;
  }
  return { bytes, files };
}
