import { describe, expect, it } from 'vitest';
import { MboxSplitter, type MboxPiece } from '../../../../../../electron/services/imports/mail-sources/mbox-splitter.ts';

const SEP = 'From sender@example.com Mon Jan  1 00:00:00 2001';

function split(input: Buffer | string, chunk: number, options: Partial<ConstructorParameters<typeof MboxSplitter>[0]> = {}): MboxPiece[] {
  const buf = typeof input === 'string' ? Buffer.from(input, 'latin1') : input;
  const splitter = new MboxSplitter({ startOffset: 0, firstIndex: 1, variant: 'mboxrd', maxMessageBytes: 1 << 30, ...options });
  const out: MboxPiece[] = [];
  for (let i = 0; i < buf.length && !splitter.stopped; i += chunk) out.push(...splitter.push(buf.subarray(i, i + chunk)));
  out.push(...splitter.end());
  return out;
}

function raws(pieces: MboxPiece[]): string[] {
  return pieces.map((p) => ('raw' in p ? p.raw.toString('latin1') : p.kind));
}

const A = 'From: a@example.com\nSubject: one\n\nHello\n';
const B = 'From: b@example.com\nSubject: two\n\nWorld\n';
const C = 'Subject: three\n\nLast\n';
const THREE = `${SEP}\n${A}\n${SEP}\n${B}\n${SEP}\n${C}\n`;

describe('MboxSplitter', () => {
  it.each([1, 2, 7, 64, 1 << 20])('cuts messages at separators with exact offsets whatever the chunk size (%i bytes)', (chunk) => {
    const pieces = split(THREE, chunk);
    expect(raws(pieces)).toEqual([A, B, C]);
    const buf = Buffer.from(THREE, 'latin1');
    for (const p of pieces) {
      if (p.kind !== 'message') throw new Error(p.kind);
      expect(buf.toString('latin1', p.start, p.start + SEP.length)).toBe(SEP);
      expect(p.next === buf.length || buf.toString('latin1', p.next, p.next + 5) === 'From ').toBe(true);
    }
    expect(pieces.map((p) => ('index' in p ? p.index : 0))).toEqual([1, 2, 3]);
  });

  it('keeps unescaped "From " body lines in the body unless they read "From <addr> <date>" followed by a header', () => {
    const body = 'From: a@example.com\n\nFrom here on we ship by sea.\nFrom friend@example.com Mon Jan  1 00:00:00 2001\n\nquoted text\n';
    const pieces = split(`${SEP}\n${body}\n${SEP}\n${B}\n`, 5);
    expect(raws(pieces)).toEqual([body, B]);
  });

  it('recognises Thunderbird, Gmail and RFC 2822-style separators', () => {
    for (const sep of ['From - Tue Oct 27 10:23:55 2009', 'From 1697485798349948361@xxx Mon Oct 16 19:33:13 +0000 2023', 'From a@b.c Sat, 01 Jan 2022 10:00:00 +0000', 'From a@b.c  Thu Aug  1 07:01:02 2002']) {
      expect(raws(split(`${sep}\n${A}\n${sep}\n${B}\n`, 3)), sep).toEqual([A, B]);
    }
  });

  it('unescapes ">From " in both variants and ">>From " only in mboxrd', () => {
    const written = `${SEP}\nSubject: q\n\n>From the top\n>>From quoted\n\n`;
    expect(raws(split(written, 4, { variant: 'mboxrd' }))).toEqual(['Subject: q\n\nFrom the top\n>From quoted\n']);
    expect(raws(split(written, 4, { variant: 'mboxo' }))).toEqual(['Subject: q\n\nFrom the top\n>>From quoted\n']);
  });

  it('keeps CRLF line ends byte for byte and drops only the blank separator line', () => {
    const a = 'Subject: one\r\n\r\nHello\r\n';
    const b = 'Subject: two\r\n\r\nWorld\r\n';
    expect(raws(split(`${SEP}\r\n${a}\r\n${SEP}\r\n${b}\r\n`, 3))).toEqual([a, b]);
  });

  it('reports a last message without a final line break as truncated, keeping its bytes', () => {
    const pieces = split(`${SEP}\n${A}\n${SEP}\nSubject: cut\n\nHalf a li`, 8);
    expect(pieces[0]!.kind).toBe('message');
    expect(pieces[1]).toMatchObject({ kind: 'truncated', index: 2, reason: 'noFinalLineBreak' });
    expect(raws(pieces)[1]).toBe('Subject: cut\n\nHalf a li');
  });

  it('reports a last multipart message whose closing boundary never comes as truncated', () => {
    const head = 'Subject: parts\nContent-Type: multipart/mixed;\n boundary="b1"\n\n--b1\nContent-Type: text/plain\n\nbody\n';
    expect(split(`${SEP}\n${head}\n`, 16)[0]).toMatchObject({ kind: 'truncated', reason: 'unclosedMimePart' });
    expect(split(`${SEP}\n${head}--b1--\n\n`, 16)[0]).toMatchObject({ kind: 'message' });
  });

  it('stops at once on bytes that are not an mbox instead of making messages of them', () => {
    const junk = Buffer.alloc(300_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    expect(split(junk, 4096)).toEqual([{ kind: 'notMbox', start: 0 }]);
    expect(split(Buffer.alloc(200_000, 0x41), 65536)).toEqual([{ kind: 'notMbox', start: 0 }]);
    expect(split('%PDF-1.4\nFrom x Mon Jan  1 00:00:00 2001\nSubject: no\n', 3)).toEqual([{ kind: 'notMbox', start: 0 }]);
  });

  it('reports a message over the limit with its size instead of holding it', () => {
    const big = `Subject: big\n\n${'x'.repeat(100)}\n`.repeat(100);
    const pieces = split(`${SEP}\n${big}\n${SEP}\n${B}\n`, 256, { maxMessageBytes: 5000 });
    expect(pieces[0]).toMatchObject({ kind: 'tooLarge', index: 1 });
    expect(raws(pieces)[1]).toBe(B);
  });

  it('resumes from a checkpoint offset with the following messages and their numbers', () => {
    const buf = Buffer.from(THREE, 'latin1');
    const first = split(buf, 10)[0]!;
    if (first.kind !== 'message') throw new Error(first.kind);
    const rest = split(buf.subarray(first.next), 10, { startOffset: first.next, firstIndex: 2 });
    expect(raws(rest)).toEqual([B, C]);
    expect(rest.map((p) => ('start' in p ? p.start : -1))).toEqual(split(buf, 10).slice(1).map((p) => ('start' in p ? p.start : -1)));
    expect(rest.map((p) => ('index' in p ? p.index : 0))).toEqual([2, 3]);
  });
});
