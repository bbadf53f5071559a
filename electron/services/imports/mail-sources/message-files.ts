import fs from 'node:fs';
import path from 'node:path';
import type { MailSourceItem, PositionInContainer } from './mail-source.types.ts';
import { msgToRfc822 } from './msg-file.ts';
import { readPst } from './pst-file.ts';
import { errorReason, fileLabel, messageItem, problemItem, text, type Container, type ReadContext } from './source-items.ts';

/** Readers for files that hold one message (.eml, .msg, Maildir files) and for Maildir folders and .pst files. */

/** The first line of a message is a header field ("Name: value"). */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/**
 * Some exporters put an mbox "From " line above an .eml's headers; it is not part of the message.
 * Everything else is passed through as it is — broken MIME included — for the parser to judge.
 */
function asMessage(raw: Buffer): Buffer | null {
  let body = raw;
  if (body.toString('latin1', 0, 5) === 'From ' && body[5] !== 0x3a) {
    const nl = body.indexOf(10);
    body = nl < 0 ? Buffer.alloc(0) : body.subarray(nl + 1);
  }
  const nl = body.indexOf(10);
  return HEADER_LINE.test(body.toString('latin1', 0, nl < 0 ? Math.min(body.length, 1000) : nl)) ? body : null;
}

/** Files read ahead of their turn are at most this big, so the read-ahead holds a few MB at most. */
const READ_AHEAD_MAX_BYTES = 4 * 1024 * 1024;
/**
 * Files opened and read ahead while the import works on the current one: each file costs several
 * thread-pool round trips (open, stat, read, close) that wait on the disk. Measured on the corpus
 * as an .eml tree with its pages evicted from the cache (posix_fadvise DONTNEED): 1.0–1.5 s with 8
 * ahead, 2.6–4.1 s one at a time (3 runs each, interleaved, 2-core host under load).
 */
const READ_AHEAD = 8;

type Loaded = { raw: Buffer } | { tooLarge: number } | { later: true } | { error: unknown };

/** Reads one whole file, refusing files over the size limit before reading them. */
async function load(abs: string, limit: number, ahead: boolean): Promise<Loaded> {
  try {
    const handle = await fs.promises.open(abs, 'r');
    try {
      const { size } = await handle.stat();
      if (size > limit) return { tooLarge: size };
      if (ahead && size > READ_AHEAD_MAX_BYTES) return { later: true };
      return { raw: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { error };
  }
}

/** One file that holds one message: .eml (or a loose RFC 822 file), .msg, or one file of a Maildir. */
export interface MessageFileJob {
  c: Container;
  abs: string;
  format: 'rfc822' | 'msg';
  at: PositionInContainer;
  flags: string[];
}

async function* itemsOf(job: MessageFileJob, first: Loaded, ctx: ReadContext): AsyncGenerator<MailSourceItem> {
  const { c, abs, at } = job;
  const label = c.abs === abs ? fileLabel(c) : text('file', { file: `${c.name}/${path.basename(abs)}` });
  const loaded = 'later' in first ? await load(abs, ctx.options.maxMessageBytes, false) : first;
  if ('error' in loaded) {
    yield problemItem(c, at, 'fileUnreadable', { reason: errorReason(loaded.error) }, label, ctx);
    return;
  }
  if ('tooLarge' in loaded) {
    ctx.progress.bytesDone += loaded.tooLarge;
    yield problemItem(c, at, 'messageTooLarge', { bytes: loaded.tooLarge, limit: ctx.options.maxMessageBytes }, label, ctx);
    return;
  }
  if ('later' in loaded) return;
  ctx.progress.bytesDone += loaded.raw.length;
  if (job.format === 'msg') {
    try {
      yield messageItem(c, at, await msgToRfc822(loaded.raw), label, job.flags, ctx);
    } catch (error) {
      yield problemItem(c, at, 'msgUnreadable', { reason: errorReason(error) }, label, ctx);
    }
    return;
  }
  const message = asMessage(loaded.raw);
  if (message) yield messageItem(c, at, message, label, job.flags, ctx);
  else yield problemItem(c, at, 'notAMessage', { bytes: loaded.raw.length }, label, ctx);
}

/** Message files in the given order, the next few read ahead while the caller works on one. */
export async function* readMessageFiles(jobs: Iterable<MessageFileJob>, ctx: ReadContext): AsyncGenerator<MailSourceItem> {
  const pending = jobs[Symbol.iterator]();
  const queue: { job: MessageFileJob; loading: Promise<Loaded> }[] = [];
  const fill = () => {
    while (queue.length < READ_AHEAD) {
      const next = pending.next();
      if (next.done) return;
      queue.push({ job: next.value, loading: load(next.value.abs, ctx.options.maxMessageBytes, true) });
    }
  };
  fill();
  for (let head = queue.shift(); head; head = queue.shift()) {
    const loaded = await head.loading;
    fill();
    yield* itemsOf(head.job, loaded, ctx);
  }
}

interface MaildirEntry {
  key: string;
  file: string;
  flags: string[];
}

/** "1700000000.M1P2.host:2,RS" → key "1700000000.M1P2.host", flags ['R', 'S'] (Windows tools write ";" or "!" for ":"). */
export function maildirEntry(sub: string, name: string): MaildirEntry {
  const info = /[:;!]2,([A-Za-z]*)$/.exec(name);
  return { key: info ? name.slice(0, info.index) : name, file: `${sub}/${name}`, flags: info ? [...(info[1] ?? '')].filter((f) => /[A-Z]/.test(f)) : [] };
}

/**
 * A Maildir folder's messages (new/ and cur/, never tmp/, which holds deliveries in progress),
 * ordered by unique name, after the checkpoint's name. Only the names are held, not the contents.
 */
export async function* readMaildir(c: Container, resume: PositionInContainer | undefined, ctx: ReadContext): AsyncGenerator<MailSourceItem> {
  const after = resume?.kind === 'maildir' ? resume.key : null;
  const entries: MaildirEntry[] = [];
  for (const sub of ['cur', 'new']) {
    try {
      for (const name of await fs.promises.readdir(path.join(c.abs, sub))) if (!name.startsWith('.')) entries.push(maildirEntry(sub, name));
    } catch (error) {
      yield problemItem(c, { kind: 'maildir', key: after ?? '' }, 'fileUnreadable', { reason: errorReason(error) }, text('file', { file: `${c.name}/${sub}` }), ctx);
    }
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.file < b.file ? -1 : 1));
  const todo = entries.filter((e) => after === null || e.key > after);
  yield* readMessageFiles(
    todo.map((e) => ({ c, abs: path.join(c.abs, e.file), format: 'rfc822', at: { kind: 'maildir', key: e.key }, flags: e.flags })),
    ctx,
  );
}

/** An Outlook .pst/.ost: every mail item, folder by folder, after the checkpoint's item. */
export async function* readPstContainer(c: Container, resume: PositionInContainer | undefined, ctx: ReadContext): AsyncGenerator<MailSourceItem> {
  const from = resume?.kind === 'pst' ? resume : null;
  const base = ctx.progress.bytesDone;
  let size = 0;
  try {
    size = (await fs.promises.stat(c.abs)).size;
    const whole: PositionInContainer = { kind: 'pst', folderOrdinal: Number.MAX_SAFE_INTEGER, folderId: 0, cursor: 0, nodeId: 0 };
    for await (const entry of readPst(c.abs, from)) {
      if (entry.kind === 'stale') {
        yield problemItem(c, whole, 'resumePositionStale', { offset: from?.cursor ?? 0 }, fileLabel(c), ctx);
        break;
      }
      // The library cannot say where in the file an item is; progress counts items through the file.
      ctx.progress.bytesDone = base + Math.floor(size * entry.done);
      const at: PositionInContainer = { kind: 'pst', folderOrdinal: entry.folderOrdinal, folderId: entry.folderId, cursor: entry.cursor, nodeId: entry.nodeId };
      const folder = [...c.folder, ...entry.folder];
      const label = text('pstItem', { file: c.name, folder: entry.folder.join('/'), index: entry.cursor });
      const inFolder = { ...c, folder };
      if (entry.kind === 'item') yield messageItem(inFolder, at, entry.raw, label, [], ctx);
      else yield problemItem(inFolder, at, 'pstItemUnreadable', { reason: entry.reason, index: entry.cursor }, label, ctx);
    }
  } catch (error) {
    yield problemItem(c, { kind: 'pst', folderOrdinal: Number.MAX_SAFE_INTEGER, folderId: 0, cursor: 0, nodeId: 0 }, 'pstUnreadable', { reason: errorReason(error) }, fileLabel(c), ctx);
  } finally {
    ctx.progress.bytesDone = base + size;
  }
}
