/**
 * Splits an mbox byte stream into messages with their byte offsets, chunk by chunk, so memory
 * holds one message and one read chunk whatever the file's size.
 *
 * Why our own splitter: npm has no well-kept mbox splitter that fits. `mailsplit` splits one
 * message into MIME nodes, not an mbox into messages. `mbox-reader` (postalsys) splits on every
 * line starting "From " (so an unescaped "From " in a body cuts a message in two), always strips
 * ">" from ">>From " (mboxrd only), turns CRLF into LF (changing the bytes and so the content
 * hash), and gives no per-message byte offset, which the import needs as a checkpoint. `node-mbox`
 * has the same "any From line" rule. A byte scanner over Buffer.indexOf is also several times
 * faster than splitting chunks into JS strings line by line.
 *
 * The separator grammar: a line is a separator only if it reads "From <addr> <date>" where the
 * date is an asctime date ("Mon Jan  1 00:00:00 2001", optionally with a zone before or after the
 * year, as Gmail writes "+0000") or an RFC 2822-style day-month-year date, AND the next line looks
 * like a header field ("Name:"). A body line such as "From here on we ship by sea" fails the
 * first test, and a quoted separator-like line followed by text fails the second, so both stay in
 * the body.
 */

export type MboxPiece =
  | { kind: 'message'; index: number; start: number; next: number; raw: Buffer }
  | { kind: 'tooLarge'; index: number; start: number; next: number; bytes: number }
  | { kind: 'truncated'; index: number; start: number; next: number; raw: Buffer; reason: 'noFinalLineBreak' | 'unclosedMimePart' }
  /** The bytes at `start` are not an mbox separator: not an mbox (or not one from that offset on). */
  | { kind: 'notMbox'; start: number };

export interface MboxSplitterOptions {
  /** File offset of the first byte pushed (a resume starts at a checkpoint's `next`). */
  startOffset: number;
  /** Number given to the first message found (messages are numbered from 1 in the file). */
  firstIndex: number;
  variant: 'mboxrd' | 'mboxo';
  maxMessageBytes: number;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const ZONE = '(?: +(?:[A-Z]{1,5}|[+-]\\d{4}))';
const TIME = '\\d{1,2}:\\d{2}(?::\\d{2})?';
const ASCTIME = `(?:${DAY},? +)?${MONTH} +\\d{1,2} +${TIME}${ZONE}* +\\d{4}${ZONE}*`;
const DMY = `(?:${DAY},? +)?\\d{1,2} +${MONTH} +\\d{4} +${TIME}${ZONE}*`;
const SEPARATOR = new RegExp(`^From (?:\\S+ +)?(?:${ASCTIME}|${DMY})(?: remote from \\S+)? *$`);
/** A header field's start: printable ASCII name without ":" (obsolete syntax allows blanks before the colon). */
const HEADER_LINE = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;
/** A line without a break longer than this is body data, not a candidate separator we wait for. */
const MAX_CARRY = 64 * 1024;

function isFromAt(buf: Buffer, p: number): boolean {
  return buf[p] === 0x46 && buf[p + 1] === 0x72 && buf[p + 2] === 0x6f && buf[p + 3] === 0x6d && buf[p + 4] === 0x20;
}

function lineText(buf: Buffer, start: number, end: number): string {
  let e = end;
  if (e > start && buf[e - 1] === 0x0a) e--;
  if (e > start && buf[e - 1] === 0x0d) e--;
  return buf.toString('latin1', start, e);
}

interface Building {
  index: number;
  start: number;
  parts: Buffer[];
  size: number;
  tooLarge: boolean;
  /** Lines are gathered as one byte range of the current chunk until a gap (an unescaped ">"), not one slice per line. */
  run: { buf: Buffer; start: number; end: number } | null;
}

export class MboxSplitter {
  private tail: Buffer = Buffer.alloc(0);
  private tailOffset: number;
  private atLineStart = true;
  private cur: Building | null = null;
  private nextIndex: number;
  private started = false;
  private dead = false;
  private readonly options: MboxSplitterOptions;

  constructor(options: MboxSplitterOptions) {
    this.options = options;
    this.tailOffset = options.startOffset;
    this.nextIndex = options.firstIndex;
  }

  /** True once the input proved not to be an mbox; further input is ignored. */
  get stopped(): boolean {
    return this.dead;
  }

  push(chunk: Buffer): MboxPiece[] {
    if (this.dead) return [];
    const buf = this.tail.length > 0 ? Buffer.concat([this.tail, chunk]) : chunk;
    const base = this.tailOffset;
    this.tail = Buffer.alloc(0);
    this.tailOffset = base + buf.length;
    return this.scan(buf, base, false);
  }

  /** Call at the end of the file: flushes the last message and judges whether it is complete. */
  end(): MboxPiece[] {
    if (this.dead) return [];
    const buf = this.tail;
    const base = this.tailOffset;
    this.tail = Buffer.alloc(0);
    this.tailOffset = base + buf.length;
    const out = buf.length > 0 ? this.scan(buf, base, true) : [];
    if (!this.dead) this.finish(out, base + buf.length, true);
    this.dead = true;
    return out;
  }

  private scan(buf: Buffer, base: number, final: boolean): MboxPiece[] {
    const out: MboxPiece[] = [];
    let pos = 0;
    while (pos < buf.length && !this.dead) {
      const nl = buf.indexOf(10, pos);
      const lineEnd = nl < 0 ? buf.length : nl + 1;
      if (!this.atLineStart) {
        this.append(buf, pos, lineEnd);
        this.atLineStart = nl >= 0;
        pos = lineEnd;
        continue;
      }
      if (nl < 0 && !final) {
        if (buf.length - pos <= MAX_CARRY) return this.carry(out, buf, base, pos);
        if (!this.started) return this.notMbox(out, base + pos);
        this.append(buf, pos, buf.length);
        this.atLineStart = false;
        pos = buf.length;
        continue;
      }
      const decided = this.separatorAt(buf, pos, lineEnd, final);
      if (decided === 'wait') return this.carry(out, buf, base, pos);
      if (decided === 'separator') {
        this.finish(out, base + pos, false);
        this.cur = { index: this.nextIndex++, start: base + pos, parts: [], size: 0, tooLarge: false, run: null };
        this.started = true;
      } else if (!this.started) {
        // Blank lines before the first separator are tolerated; anything else means "not an mbox".
        if (lineText(buf, pos, lineEnd) !== '') return this.notMbox(out, base + pos);
      } else {
        const skip = this.escapeLength(buf, pos, lineEnd);
        this.append(buf, pos + skip, lineEnd);
      }
      pos = lineEnd;
    }
    return out;
  }

  /** Whether the complete line at `pos` starts a message; 'wait' when the next line is not here yet. */
  private separatorAt(buf: Buffer, pos: number, lineEnd: number, final: boolean): 'separator' | 'body' | 'wait' {
    if (!isFromAt(buf, pos) || !SEPARATOR.test(lineText(buf, pos, lineEnd))) return 'body';
    if (lineEnd >= buf.length) return final ? 'body' : 'wait';
    const nl2 = buf.indexOf(10, lineEnd);
    if (nl2 < 0 && !final && buf.length - pos <= MAX_CARRY) return 'wait';
    const nextEnd = Math.min(nl2 < 0 ? buf.length : nl2, lineEnd + 1000);
    return HEADER_LINE.test(buf.toString('latin1', lineEnd, nextEnd)) ? 'separator' : 'body';
  }

  /** How many ">" to drop from a body line: one from ">From " (both) or ">>…>From " (mboxrd only). */
  private escapeLength(buf: Buffer, pos: number, lineEnd: number): number {
    if (buf[pos] !== 0x3e) return 0;
    let p = pos;
    while (p < lineEnd && buf[p] === 0x3e) p++;
    if (!isFromAt(buf, p)) return 0;
    return p - pos === 1 || this.options.variant === 'mboxrd' ? 1 : 0;
  }

  private append(buf: Buffer, start: number, end: number): void {
    const cur = this.cur;
    if (!cur || end <= start) return;
    const length = end - start;
    if (!cur.tooLarge && cur.size + length > this.options.maxMessageBytes) {
      cur.tooLarge = true;
      cur.parts = [];
      cur.run = null;
    }
    cur.size += length;
    if (cur.tooLarge) return;
    if (cur.run && cur.run.buf === buf && cur.run.end === start) {
      cur.run.end = end;
      return;
    }
    flushRun(cur);
    cur.run = { buf, start, end };
  }

  private carry(out: MboxPiece[], buf: Buffer, base: number, pos: number): MboxPiece[] {
    // Copied so the carried bytes do not pin the whole chunk once its messages are gone.
    this.tail = Buffer.from(buf.subarray(pos));
    this.tailOffset = base + pos;
    return out;
  }

  private notMbox(out: MboxPiece[], start: number): MboxPiece[] {
    this.dead = true;
    this.cur = null;
    out.push({ kind: 'notMbox', start });
    return out;
  }

  private finish(out: MboxPiece[], next: number, atEnd: boolean): void {
    const cur = this.cur;
    this.cur = null;
    if (!cur) return;
    const { index, start } = cur;
    if (cur.tooLarge) {
      out.push({ kind: 'tooLarge', index, start, next, bytes: cur.size });
      return;
    }
    flushRun(cur);
    const whole = Buffer.concat(cur.parts, cur.size);
    const raw = dropSeparatorBlankLine(whole);
    if (atEnd) {
      const reason = whole.length === 0 || whole[whole.length - 1] !== 0x0a ? 'noFinalLineBreak' : unclosedMultipart(raw) ? 'unclosedMimePart' : null;
      if (reason) {
        out.push({ kind: 'truncated', index, start, next, raw, reason });
        return;
      }
    }
    out.push({ kind: 'message', index, start, next, raw });
  }
}

function flushRun(cur: Building): void {
  if (cur.run) cur.parts.push(cur.run.buf.subarray(cur.run.start, cur.run.end));
  cur.run = null;
}

/** mbox writers end each message with an empty line before the next "From "; it is not the message's. */
function dropSeparatorBlankLine(raw: Buffer): Buffer {
  const n = raw.length;
  if (n >= 4 && raw[n - 1] === 0x0a && raw[n - 2] === 0x0d && raw[n - 3] === 0x0a && raw[n - 4] === 0x0d) return raw.subarray(0, n - 2);
  if (n >= 2 && raw[n - 1] === 0x0a && raw[n - 2] === 0x0a) return raw.subarray(0, n - 1);
  return raw;
}

/** A multipart message whose closing boundary never comes was cut off (only checked for the last message). */
function unclosedMultipart(raw: Buffer): boolean {
  const ends = [raw.indexOf('\n\n'), raw.indexOf('\r\n\r\n')].filter((i) => i >= 0);
  const headerEnd = ends.length > 0 ? Math.min(...ends) : Math.min(raw.length, 65536);
  const head = raw.toString('latin1', 0, headerEnd).replace(/\r?\n[ \t]+/g, ' ');
  const type = /^content-type:[ \t]*multipart\/[^\n]*?boundary=(?:"([^"\n]+)"|([^;\s]+))/im.exec(head);
  if (!type) return false;
  const boundary = type[1] ?? type[2] ?? '';
  return raw.lastIndexOf(`--${boundary}--`) < 0;
}
