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

/** Reads one whole file, refusing files over the size limit before reading them. */
async function readWhole(abs: string, limit: number): Promise<{ raw: Buffer } | { tooLarge: number }> {
  const handle = await fs.promises.open(abs, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) return { tooLarge: size };
    return { raw: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** One message file: .eml (or a loose RFC 822 file), .msg, or one file of a Maildir. */
export async function* readMessageFile(
  c: Container,
  abs: string,
  format: 'rfc822' | 'msg',
  at: PositionInContainer,
  flags: string[],
  ctx: ReadContext,
): AsyncGenerator<MailSourceItem> {
  const label = c.abs === abs ? fileLabel(c) : text('file', { file: `${c.name}/${path.basename(abs)}` });
  let read: Awaited<ReturnType<typeof readWhole>>;
  try {
    read = await readWhole(abs, ctx.options.maxMessageBytes);
  } catch (error) {
    yield problemItem(c, at, 'fileUnreadable', { reason: errorReason(error) }, label, ctx);
    return;
  }
  if ('tooLarge' in read) {
    ctx.progress.bytesDone += read.tooLarge;
    yield problemItem(c, at, 'messageTooLarge', { bytes: read.tooLarge, limit: ctx.options.maxMessageBytes }, label, ctx);
    return;
  }
  ctx.progress.bytesDone += read.raw.length;
  if (format === 'msg') {
    try {
      yield messageItem(c, at, await msgToRfc822(read.raw), label, flags, ctx);
    } catch (error) {
      yield problemItem(c, at, 'msgUnreadable', { reason: errorReason(error) }, label, ctx);
    }
    return;
  }
  const message = asMessage(read.raw);
  if (message) yield messageItem(c, at, message, label, flags, ctx);
  else yield problemItem(c, at, 'notAMessage', { bytes: read.raw.length }, label, ctx);
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
  for (const e of entries) {
    if (after !== null && e.key <= after) continue;
    yield* readMessageFile(c, path.join(c.abs, e.file), 'rfc822', { kind: 'maildir', key: e.key }, e.flags, ctx);
  }
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
