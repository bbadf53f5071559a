import fs from 'node:fs';
import type { MailSourceItem, PositionInContainer } from './mail-source.types.ts';
import { MboxSplitter, type MboxPiece } from './mbox-splitter.ts';
import { errorReason, fileLabel, messageItem, problemItem, text, type Container, type ReadContext } from './source-items.ts';

/**
 * One mbox file streamed in chunks from the checkpoint's `next` offset (or the start): memory holds
 * one read chunk and the message being cut out, whatever the file's size.
 */

function pieceItem(c: Container, piece: MboxPiece, base: number, rest: PositionInContainer, ctx: ReadContext): MailSourceItem {
  if (piece.kind === 'notMbox') {
    // Not a separator at the file's start: not an mbox; at a checkpoint's offset: the file changed.
    ctx.progress.bytesDone = base + (rest.kind === 'mbox' ? rest.next : 0);
    const code = piece.start === 0 ? 'notMbox' : 'resumePositionStale';
    return problemItem(c, rest, code, { offset: piece.start }, fileLabel(c), ctx);
  }
  const at: PositionInContainer = { kind: 'mbox', index: piece.index, start: piece.start, next: piece.next };
  const label = text('mboxMessage', { file: c.name, index: piece.index, offset: piece.start });
  ctx.progress.bytesDone = base + piece.next;
  switch (piece.kind) {
    case 'message':
      return messageItem(c, at, piece.raw, label, [], ctx);
    case 'tooLarge':
      return problemItem(c, at, 'messageTooLarge', { index: piece.index, bytes: piece.bytes, limit: ctx.options.maxMessageBytes }, label, ctx);
    case 'truncated':
      return problemItem(c, at, 'mboxTruncated', { index: piece.index, offset: piece.start, bytes: piece.raw.length }, label, ctx, piece.raw);
  }
}

export async function* readMbox(c: Container, resume: PositionInContainer | undefined, ctx: ReadContext): AsyncGenerator<MailSourceItem> {
  const from = resume?.kind === 'mbox' ? resume : null;
  const startOffset = from ? from.next : 0;
  const base = ctx.progress.bytesDone;
  let size: number;
  try {
    size = (await fs.promises.stat(c.abs)).size;
  } catch (error) {
    yield problemItem(c, { kind: 'mbox', index: 0, start: 0, next: 0 }, 'fileUnreadable', { reason: errorReason(error) }, fileLabel(c), ctx);
    return;
  }
  // A problem that ends the file carries a position at its end, so resuming after it skips the file.
  const rest: PositionInContainer = { kind: 'mbox', index: from?.index ?? 0, start: startOffset, next: size };
  if (startOffset > size) {
    ctx.progress.bytesDone = base + size;
    yield problemItem(c, rest, 'resumePositionStale', { offset: startOffset, size }, fileLabel(c), ctx);
    return;
  }
  ctx.progress.bytesDone = base + startOffset;
  if (startOffset === size) return;
  const splitter = new MboxSplitter({ startOffset, firstIndex: (from?.index ?? 0) + 1, variant: ctx.options.mboxVariant, maxMessageBytes: ctx.options.maxMessageBytes });
  const stream = fs.createReadStream(c.abs, { start: startOffset, highWaterMark: ctx.options.chunkBytes });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const piece of splitter.push(chunk)) yield pieceItem(c, piece, base, rest, ctx);
      if (splitter.stopped) return;
    }
    for (const piece of splitter.end()) yield pieceItem(c, piece, base, rest, ctx);
  } catch (error) {
    yield problemItem(c, rest, 'fileUnreadable', { reason: errorReason(error) }, fileLabel(c), ctx);
  } finally {
    stream.destroy();
  }
}
