import {
  DEFAULT_CHUNK_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  type MailSourceMessage,
  type MailSourceOptions,
  type MailSourceProblem,
  type MailSourceProblemCode,
  type MailSourceProgress,
  type MailSourceText,
  type PositionInContainer,
} from './mail-source.types.ts';

/** The pieces every container reader shares: where it is, what it may hold, how far the source is. */

export interface ResolvedOptions {
  mboxVariant: 'mboxrd' | 'mboxo';
  maxMessageBytes: number;
  chunkBytes: number;
}

export function resolveOptions(options: MailSourceOptions): ResolvedOptions {
  return {
    mboxVariant: options.mboxVariant ?? 'mboxrd',
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    chunkBytes: options.chunkBytes ?? DEFAULT_CHUNK_BYTES,
  };
}

/** One file or Maildir folder of the source. */
export interface Container {
  abs: string;
  /** Relative path with "/" separators ('' for the opened file itself). */
  container: string;
  folder: string[];
  /** How the report names the file: its relative path, or its base name for the opened file. */
  name: string;
}

export class ProgressState {
  bytesDone = 0;
  itemsDone = 0;
  bytesTotal: number | null = null;

  snapshot(): MailSourceProgress {
    return { bytesDone: this.bytesDone, itemsDone: this.itemsDone, bytesTotal: this.bytesTotal };
  }
}

export interface ReadContext {
  options: ResolvedOptions;
  progress: ProgressState;
}

export function text(key: string, params: Record<string, string | number>): MailSourceText {
  return { key: `mailSources.label.${key}`, params };
}

export function fileLabel(c: Container): MailSourceText {
  return text('file', { file: c.name });
}

export function messageItem(c: Container, at: PositionInContainer, raw: Buffer, label: MailSourceText, flags: string[], ctx: ReadContext): MailSourceMessage {
  ctx.progress.itemsDone++;
  return { kind: 'message', raw, position: { container: c.container, at }, folder: c.folder, label, flags, progress: ctx.progress.snapshot() };
}

export function problemItem(
  c: Container,
  at: PositionInContainer,
  code: MailSourceProblemCode,
  params: Record<string, string | number>,
  label: MailSourceText,
  ctx: ReadContext,
  partial?: Buffer,
): MailSourceProblem {
  ctx.progress.itemsDone++;
  return {
    kind: 'problem',
    code,
    params: { file: c.name, ...params },
    position: { container: c.container, at },
    folder: c.folder,
    label,
    ...(partial ? { partial } : {}),
    progress: ctx.progress.snapshot(),
  };
}

export function errorReason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.message : String(error);
}
