import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseMail, type ParsedMessage } from './mail-parse.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';

/**
 * Parsing of raw messages beside the database work: a sync or an import hands a batch to a
 * worker thread and writes the previous batch meanwhile, so the two cores of a small laptop
 * both work (issue 12: the write path ran serially on one thread while the second core idled).
 * Parsing is ~40 % of an import's CPU (2026-12-02 profile of `import mail` on the corpus).
 *
 * One worker: the main thread's own share (reading, content stores, SQLite) is about as much
 * as parsing, so a second worker would wait. Where the worker's file is not there (a bundle
 * that does not ship it) or the thread fails, parsing happens in this thread as before.
 */
export interface MailParser {
  parse(raws: readonly Buffer[]): Promise<ParsedMessage[]>;
  /** Whether parsing runs on a worker thread (for logs and benchmarks). */
  readonly threaded: boolean;
  close(): Promise<void>;
}

export const inThreadParser: MailParser = {
  threaded: false,
  async parse(raws) {
    const out: ParsedMessage[] = [];
    for (const raw of raws) out.push(await parseMail(raw));
    return out;
  },
  close: async () => {},
};

/** The sources' worker, or the bundle's beside the Electron main bundle (electron/vite.electron.config.ts). */
const WORKER_CANDIDATES = [new URL('./parse-worker.ts', import.meta.url), new URL('./parse-worker.cjs', import.meta.url)];
const WORKER_FILE = WORKER_CANDIDATES.find((url) => url.protocol === 'file:' && fs.existsSync(fileURLToPath(url))) ?? null;

/**
 * The parser makes a lot of short-lived garbage, and V8 lets a busy isolate's young generation
 * grow to tens of MB (and the old one after it). Capped at 6 MB, the CLI's import of the corpus
 * peaked at 535–564 MB RSS instead of 663–666 MB, at ~5–10 % more CPU in the worker (2026-12-02,
 * quiet host, two runs each; test/bench/RESULTS.md › Mail import).
 */
const YOUNG_GENERATION_MB = 6;

/** Attachments come back as plain Uint8Arrays from the structured clone: make them Buffers again. */
function revived(parsed: ParsedMessage[]): ParsedMessage[] {
  for (const m of parsed) for (const a of m.attachments) a.content = Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength);
  return parsed;
}

export function workerParser(onFallback: (reason: string) => void = () => {}): MailParser {
  if (WORKER_FILE === null) {
    onFallback('the parse worker is not part of this build');
    return inThreadParser;
  }
  const file = WORKER_FILE;
  let worker: Worker | null = null;
  let broken = false;
  let next = 0;
  const waiting = new Map<number, { resolve: (p: ParsedMessage[]) => void; reject: (e: Error) => void }>();
  const failAll = (error: Error) => {
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const start = () => {
    const w = new Worker(file, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    // An idle worker must not keep a CLI run alive.
    w.unref();
    w.on('message', (reply: ParseReply) => {
      const entry = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('error' in reply) entry?.reject(new Error(reply.error));
      else entry?.resolve(revived(reply.parsed));
    });
    w.on('error', (err) => {
      broken = true;
      onFallback(err.message);
      failAll(err);
    });
    w.on('exit', (code) => {
      if (code !== 0 && !broken) {
        broken = true;
        failAll(new Error(`the parse worker stopped (exit code ${code})`));
      }
      worker = null;
    });
    return w;
  };
  return {
    get threaded() {
      return !broken;
    },
    async parse(raws) {
      if (broken || raws.length === 0) return inThreadParser.parse(raws);
      worker ??= start();
      worker.ref();
      const id = next++;
      const request: ParseRequest = { id, raws: [...raws] };
      try {
        return await new Promise<ParsedMessage[]>((resolve, reject) => {
          waiting.set(id, { resolve, reject });
          worker!.postMessage(request);
        });
      } catch (err) {
        // The worker died under this batch: parse it here, and every later one.
        if (broken) return inThreadParser.parse(raws);
        throw err;
      } finally {
        if (waiting.size === 0) worker?.unref();
      }
    },
    async close() {
      const w = worker;
      worker = null;
      await w?.terminate();
    },
  };
}
