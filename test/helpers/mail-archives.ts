import fs from 'node:fs';
import path from 'node:path';
import { CORPUS_DIR } from './mail-test-kit.ts';

/**
 * Mail archives built from the real corpus (../shared/corpus) the way mail programs write them —
 * mbox (mboxrd and mboxo escaping, LF or CRLF), Maildir with Maildir++ subfolders, a nested
 * .eml tree — for the archive readers' tests, the import's tests and the benchmarks.
 */

export interface CorpusMessage {
  name: string;
  /** The message as a mail program stores it: the corpus file without its leading mbox "From " line. */
  raw: Buffer;
}

/** Files of the corpus, sorted, each read once. */
export function corpusMessages(limit = Infinity): CorpusMessage[] {
  const names = fs.readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.eml')).sort().slice(0, limit);
  return names.map((name) => ({ name, raw: withoutEnvelopeLine(fs.readFileSync(path.join(CORPUS_DIR, name))) }));
}

/** Some corpus files start with the "From sender date" line of the mbox they were cut from. */
export function withoutEnvelopeLine(raw: Buffer): Buffer {
  if (raw.toString('latin1', 0, 5) !== 'From ') return raw;
  const nl = raw.indexOf(10);
  return nl < 0 ? Buffer.alloc(0) : raw.subarray(nl + 1);
}

export const SEPARATOR_LINE = 'From sender@example.com Mon Jan  1 00:00:00 2001';

/** Escapes body lines as an mbox writer does: mboxrd quotes ">*From ", mboxo only "From ". */
export function escapeForMbox(raw: Buffer, variant: 'mboxrd' | 'mboxo'): Buffer {
  const pattern = variant === 'mboxrd' ? /^(>*From )/gm : /^(From )/gm;
  return Buffer.from(raw.toString('latin1').replace(pattern, '>$1'), 'latin1');
}

/** What a reader gives back for a message written into an mbox: mboxo cannot tell ">From " from an escaped "From ". */
export function expectedFromMbox(raw: Buffer, variant: 'mboxrd' | 'mboxo', crlf = false): Buffer {
  let text = raw.toString('latin1');
  if (crlf) text = text.replace(/\r?\n/g, '\r\n');
  if (!text.endsWith('\n')) text += crlf ? '\r\n' : '\n';
  if (variant === 'mboxo') text = text.replace(/^>From /gm, 'From ');
  return Buffer.from(text, 'latin1');
}

export interface MboxWriteOptions {
  variant: 'mboxrd' | 'mboxo';
  crlf?: boolean;
  /** Escape body lines (true) or write them as they are, like a careless exporter (false). */
  escape?: boolean;
}

/** Appends messages to an mbox through a write stream, so a big archive is never held in memory. */
export class MboxWriter {
  private readonly fd: number;
  private readonly options: MboxWriteOptions;
  offset = 0;

  constructor(file: string, options: MboxWriteOptions) {
    this.fd = fs.openSync(file, 'w');
    this.options = options;
  }

  /** Writes one message; returns the byte offset of its "From " line. */
  write(raw: Buffer): number {
    const start = this.offset;
    const eol = this.options.crlf ? '\r\n' : '\n';
    let text = (this.options.escape === false ? raw : escapeForMbox(raw, this.options.variant)).toString('latin1');
    if (this.options.crlf) text = text.replace(/\r?\n/g, '\r\n');
    if (!text.endsWith('\n')) text += eol;
    const bytes = Buffer.from(`${SEPARATOR_LINE}${eol}${text}${eol}`, 'latin1');
    fs.writeSync(this.fd, bytes);
    this.offset += bytes.length;
    return start;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

export function writeMbox(file: string, messages: readonly Buffer[], options: MboxWriteOptions): number[] {
  const writer = new MboxWriter(file, options);
  const offsets = messages.map((m) => writer.write(m));
  writer.close();
  return offsets;
}

/** A Maildir++ store: the first third in INBOX (cur/ read, new/ unread), the rest split over .Sent and .Archive.2023. */
export function writeMaildir(root: string, messages: readonly Buffer[]): Map<string, Buffer[]> {
  const folders = new Map<string, Buffer[]>([['', []], ['.Sent', []], ['.Archive.2023', []]]);
  const names = [...folders.keys()];
  messages.forEach((raw, i) => folders.get(names[Math.min(2, Math.floor((i * 3) / messages.length))]!)!.push(raw));
  for (const [folder, list] of folders) {
    const dir = path.join(root, folder);
    for (const sub of ['cur', 'new', 'tmp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
    list.forEach((raw, i) => {
      const unique = `17000${String(i).padStart(5, '0')}.M${i}P1.host`;
      const file = i % 2 === 0 ? path.join(dir, 'cur', `${unique}:2,S`) : path.join(dir, 'new', unique);
      fs.writeFileSync(file, raw);
    });
  }
  return folders;
}

/** A Foxmail/Outlook-style export: nested folders of .eml files. */
export function writeEmlTree(root: string, messages: readonly Buffer[]): { folder: string[]; raw: Buffer }[] {
  const layout = [['Inbox'], ['Inbox', 'Customers'], ['Sent']];
  return messages.map((raw, i) => {
    const folder = layout[i % layout.length]!;
    const dir = path.join(root, ...folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.eml`), raw);
    return { folder, raw };
  });
}

/** A copy of a message with a fresh Message-ID, so deduplication does not skip it. */
export function withMessageId(raw: Buffer, id: string): Buffer {
  const text = raw.toString('latin1');
  const replaced = text.replace(/^Message-ID:[^\n]*(?:\n[ \t][^\n]*)*\n/im, `Message-ID: <${id}>\n`);
  return Buffer.from(replaced === text ? `Message-ID: <${id}>\n${text}` : replaced, 'latin1');
}
