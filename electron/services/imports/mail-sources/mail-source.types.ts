/**
 * What a mail archive reader hands the import: each message as raw RFC 822 bytes, or a problem
 * as data, each with a position the import stores as its checkpoint. Everything here is plain
 * JSON-able data (positions, labels, problem params), so a checkpoint survives a restart and a
 * report can be rendered later in either language.
 */

/** What `openMailSource` recognised at the path it was given. */
export type MailSourceKind = 'mbox' | 'maildir' | 'eml' | 'msg' | 'pst' | 'folder' | 'unknown';

/** Where inside one container (file or Maildir folder) a message sits. */
export type PositionInContainer =
  /** A file that holds one message (.eml, .msg, a Maildir-less loose file). */
  | { kind: 'file' }
  /**
   * A message of an mbox: `start` is the byte offset of its "From " line, `next` the offset where
   * the following message's "From " line starts (or the file's end), `index` its 1-based number.
   */
  | { kind: 'mbox'; index: number; start: number; next: number }
  /**
   * A message of a Maildir folder, by its unique name (the file name without the ":2,flags"
   * suffix, which a mail client changes when it marks mail read; a move from new/ to cur/ keeps it).
   */
  | { kind: 'maildir'; key: string }
  /**
   * An item of an Outlook .pst: the folder by its place in a depth-first walk and its node id, then
   * the item's place in that folder (the library's cursor after reading it) and the item's node id.
   */
  | { kind: 'pst'; folderOrdinal: number; folderId: number; cursor: number; nodeId: number };

/**
 * A resumable position: `container` is the path, relative to the opened path and with "/"
 * separators, of the file or Maildir folder the item came from ('' when the opened path is that
 * file itself). Sources yield containers in a fixed order (names compared segment by segment),
 * so `{ resumeAfter: position }` continues exactly after it.
 */
export interface MailSourcePosition {
  container: string;
  at: PositionInContainer;
}

/** An i18n key (under `mailSources.`) and its parameters; the UI or CLI renders it. */
export interface MailSourceText {
  key: string;
  params: Record<string, string | number>;
}

/** Bytes and items read so far, and the totals where they were cheap to know. */
export interface MailSourceProgress {
  bytesDone: number;
  itemsDone: number;
  /** Total bytes of the archive; null when unknown (e.g. before a folder was measured). */
  bytesTotal: number | null;
}

export interface MailSourceMessage {
  kind: 'message';
  /** The message exactly as stored (mbox: unescaped, separator and the blank line before the next one removed). */
  raw: Buffer;
  position: MailSourcePosition;
  /** The folder the message was filed in, outermost first, e.g. ['Archive', '2023']. */
  folder: string[];
  /** Names the record for a report, e.g. "archive.mbox, message 1,234 at byte 5,678,901". */
  label: MailSourceText;
  /** Maildir flags (S seen, R replied, F flagged, T trashed, D draft) when the source keeps them. */
  flags: string[];
  progress: MailSourceProgress;
}

export const MAIL_SOURCE_PROBLEM_CODES = [
  /** The path does not exist or cannot be read. */
  'sourceUnreadable',
  /** The path is neither a mail file nor a folder we know. */
  'sourceUnrecognised',
  /** A file named like an mbox (or an Apple Mail bundle's mbox) does not start with a "From " line. */
  'notMbox',
  /** The last message of an mbox stops before its end (no final line break, or an unclosed MIME part). */
  'mboxTruncated',
  /** A message is bigger than the reader's limit; it is skipped, not cut. */
  'messageTooLarge',
  /** A message file is empty or has no header lines. */
  'notAMessage',
  /** A file inside the folder could not be read (permissions, disk error). */
  'fileUnreadable',
  /** A file inside the folder is not a mail file (skipped). */
  'notMailFile',
  /** An Outlook .msg file could not be read. */
  'msgUnreadable',
  /** An Outlook .pst file could not be opened. */
  'pstUnreadable',
  /** One item of a .pst could not be read or converted. */
  'pstItemUnreadable',
  /** The checkpoint to resume after no longer matches the file (it changed since). */
  'resumePositionStale',
] as const;

export type MailSourceProblemCode = (typeof MAIL_SOURCE_PROBLEM_CODES)[number];

export interface MailSourceProblem {
  kind: 'problem';
  code: MailSourceProblemCode;
  /** Parameters of the problem's message (`mailSources.problems.<code>`); always include `file`. */
  params: Record<string, string | number>;
  position: MailSourcePosition;
  folder: string[];
  label: MailSourceText;
  /** Bytes that could be saved despite the problem (a truncated last message), for the import to keep or show. */
  partial?: Buffer;
  progress: MailSourceProgress;
}

export type MailSourceItem = MailSourceMessage | MailSourceProblem;

export interface MailSourceOptions {
  /** Continue after this checkpoint (the position of the last item the import committed). */
  resumeAfter?: MailSourcePosition;
  /**
   * How an mbox escapes body lines that start with "From ": 'mboxrd' (default) removes one ">"
   * from every ">…>From " line; 'mboxo' only from ">From " lines.
   */
  mboxVariant?: 'mboxrd' | 'mboxo';
  /** Messages bigger than this are reported as `messageTooLarge` rather than held in memory. */
  maxMessageBytes?: number;
  /** Read size for streamed files. */
  chunkBytes?: number;
}

/** An opened archive: what it is, cheap totals, and its items in a fixed, resumable order. */
export interface MailSource {
  readonly kind: MailSourceKind;
  readonly path: string;
  /**
   * Total bytes of the mail files (the file's size for one file; a walk that stats every file for
   * a folder — names and sizes only, nothing held but the running sum).
   */
  measure(): Promise<{ bytes: number; files: number }>;
  /** The items after `options.resumeAfter`, read lazily; stop early by breaking out of the loop. */
  items(): AsyncGenerator<MailSourceItem, void, undefined>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 200 * 1024 * 1024;
export const DEFAULT_CHUNK_BYTES = 1024 * 1024;
