import fs from 'node:fs';
import path from 'node:path';
import type { MailSourceItem, PositionInContainer } from './mail-source.types.ts';
import { readMaildir, readMessageFiles, readPstContainer, type MessageFileJob } from './message-files.ts';
import { readMbox } from './mbox-source.ts';
import { errorReason, problemItem, text, type Container, type ReadContext } from './source-items.ts';

/**
 * Walks a folder tree in a fixed order — entries sorted by name, depth first, a Maildir's own
 * messages before its subfolders — so a container's relative path alone says what came before
 * it, and a resume skips whole files and folders without opening them.
 */

export type FileFormat = 'mbox' | 'rfc822' | 'msg' | 'pst';

/** Files mail programs keep beside the mail (indexes, Finder and Explorer litter, Apple bundle metadata). */
const NOISE = /^(?:\.ds_store|thumbs\.db|desktop\.ini|info\.plist|table_of_contents|maildirfolder|subscriptions|dovecot.*|courierimap.*|\..*)$|\.(?:msf|dat|json|ini|plist|log|lock|db)$/i;

/** Folders of mail servers' and systems' own bookkeeping (Maildir++ subfolders also start with "." and are kept). */
const NOISE_FOLDER = /^(?:courierimap.*|dovecot.*|__macosx|\.spotlight-v100|\.trashes|\.fseventsd|\.documentrevisions-v100|\.temporaryitems)$/i;

const ONE_MESSAGE_EXTENSIONS = new Map<string, 'rfc822' | 'msg'>([
  ['.eml', 'rfc822'],
  ['.msg', 'msg'],
]);

/** What a file is, from its name, and from its first bytes when the name does not say. */
export async function fileFormat(abs: string): Promise<FileFormat | 'noise' | 'other'> {
  const name = path.basename(abs);
  if (NOISE.test(name)) return 'noise';
  const ext = path.extname(name).toLowerCase();
  if (ext === '.eml') return 'rfc822';
  if (ext === '.msg') return 'msg';
  if (ext === '.pst' || ext === '.ost') return 'pst';
  if (ext === '.mbox' || ext === '.mbx') return 'mbox';
  // Thunderbird's mbox files ("Inbox", "Sent") and MH/readpst message files ("1", "2") have no extension.
  if (ext !== '' && !/^\.\d+$/.test(ext)) return 'other';
  const head = Buffer.alloc(1000);
  const handle = await fs.promises.open(abs, 'r');
  let n: number;
  try {
    n = (await handle.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await handle.close();
  }
  const start = head.toString('latin1', 0, n);
  if (start.startsWith('From ')) return 'mbox';
  return /^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(start) ? 'rfc822' : 'other';
}

/** Compares relative paths segment by segment, the order the walk visits them in. */
export function compareSegments(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function isPrefix(a: readonly string[], b: readonly string[]): boolean {
  return a.length <= b.length && a.every((s, i) => s === b[i]);
}

/** A folder name from a path segment: "Inbox.sbd" (Thunderbird), "Inbox.mbox" (Apple Mail), ".Sent.2024" (Maildir++). */
function folderSegments(segment: string, kind: 'dir' | 'file'): string[] {
  if (kind === 'dir' && segment.startsWith('.') && segment.length > 1) return segment.slice(1).split('.').filter(Boolean);
  return [segment.replace(kind === 'dir' ? /\.(?:sbd|mbox)$/i : /\.(?:mbox|mbx|pst|ost)$/i, '')];
}

/** The folder a container's mail belongs to; the root's name where the path gives none. */
export function folderOf(rel: readonly string[], format: FileFormat | 'maildir', rootName: string): string[] {
  const dirs = format === 'maildir' ? rel : rel.slice(0, -1);
  const out = dirs.flatMap((s) => folderSegments(s, 'dir'));
  const last = rel[rel.length - 1];
  const appleBundleMbox = format === 'mbox' && last === 'mbox' && rel.length >= 2 && /\.mbox$/i.test(rel[rel.length - 2]!);
  if ((format === 'mbox' || format === 'pst') && last !== undefined && !appleBundleMbox) out.push(...folderSegments(last, 'file'));
  return out.length > 0 ? out : [rootName];
}

export interface WalkResume {
  segments: string[];
  at: PositionInContainer;
}

export interface Walk {
  rootAbs: string;
  rootName: string;
  ctx: ReadContext;
}

function containerOf(walk: Walk, rel: string[], format: FileFormat | 'maildir'): Container {
  const container = rel.join('/');
  return {
    abs: path.join(walk.rootAbs, ...rel),
    container,
    folder: folderOf(rel, format, format === 'maildir' && rel.length === 0 ? 'INBOX' : walk.rootName),
    name: container === '' ? path.basename(walk.rootAbs) : container,
  };
}

/** One file of the tree (or the opened file itself, with rel = []). */
export async function* readFileEntry(walk: Walk, rel: string[], resume: PositionInContainer | undefined): AsyncGenerator<MailSourceItem> {
  // A checkpoint on a one-message file (or on a problem with a file) means the file is done.
  if (resume?.kind === 'file') return;
  const abs = path.join(walk.rootAbs, ...rel);
  let format: Awaited<ReturnType<typeof fileFormat>>;
  try {
    format = await fileFormat(abs);
  } catch (error) {
    const c = containerOf(walk, rel, 'rfc822');
    yield problemItem(c, { kind: 'file' }, 'fileUnreadable', { reason: errorReason(error) }, text('file', { file: c.name }), walk.ctx);
    return;
  }
  if (format === 'noise') return;
  const c = containerOf(walk, rel, format === 'other' ? 'rfc822' : format);
  if (format === 'other') yield problemItem(c, { kind: 'file' }, 'notMailFile', {}, text('file', { file: c.name }), walk.ctx);
  else if (format === 'mbox') yield* readMbox(c, resume, walk.ctx);
  else if (format === 'pst') yield* readPstContainer(c, resume, walk.ctx);
  else yield* readMessageFiles([{ c, abs, format, at: { kind: 'file' }, flags: [] }], walk.ctx);
}

export async function isMaildir(abs: string): Promise<boolean> {
  const [cur, fresh] = await Promise.all(['cur', 'new'].map((d) => fs.promises.stat(path.join(abs, d)).then((s) => s.isDirectory(), () => false)));
  return cur === true && fresh === true;
}

/** A folder of the tree: its own Maildir messages if it is one, then its entries in name order. */
export async function* walkDirectory(walk: Walk, rel: string[], resume: WalkResume | null): AsyncGenerator<MailSourceItem> {
  const abs = path.join(walk.rootAbs, ...rel);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(abs, { withFileTypes: true });
  } catch (error) {
    const c = containerOf(walk, rel, 'maildir');
    yield problemItem(c, { kind: 'file' }, 'fileUnreadable', { reason: errorReason(error) }, text('file', { file: c.name }), walk.ctx);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const maildir = await isMaildir(abs);
  if (maildir) {
    const own = resume !== null && resume.segments.length === rel.length ? resume.at : undefined;
    // A checkpoint inside a Maildir++ subfolder means this folder's own messages were all read.
    if (resume === null || own !== undefined) yield* readMaildir(containerOf(walk, rel, 'maildir'), own, walk.ctx);
  }
  let pending = resume;
  // Runs of .eml/.msg files go to the reader together, so it can read the next ones ahead.
  let run: MessageFileJob[] = [];
  const flush = () => {
    const jobs = run;
    run = [];
    return readMessageFiles(jobs, walk.ctx);
  };
  for (const entry of entries) {
    if (maildir && (entry.name === 'cur' || entry.name === 'new' || entry.name === 'tmp')) continue;
    const childRel = [...rel, entry.name];
    let childResume: WalkResume | null = null;
    if (pending !== null) {
      if (isPrefix(childRel, pending.segments)) childResume = pending;
      else if (compareSegments(childRel, pending.segments) < 0) continue;
      else pending = null;
    }
    const oneMessage = entry.isFile() && childResume === null && !NOISE.test(entry.name) ? ONE_MESSAGE_EXTENSIONS.get(path.extname(entry.name).toLowerCase()) : undefined;
    if (oneMessage) {
      run.push({ c: containerOf(walk, childRel, oneMessage), abs: path.join(abs, entry.name), format: oneMessage, at: { kind: 'file' }, flags: [] });
      continue;
    }
    if (run.length > 0) yield* flush();
    // Symbolic links are not followed: a link back up the tree would never end.
    if (entry.isDirectory()) {
      if (!NOISE_FOLDER.test(entry.name)) yield* walkDirectory(walk, childRel, childResume);
    } else if (entry.isFile()) {
      yield* readFileEntry(walk, childRel, childResume?.segments.length === childRel.length ? childResume.at : undefined);
    }
  }
  if (run.length > 0) yield* flush();
}
