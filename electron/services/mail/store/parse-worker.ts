import { parentPort } from 'node:worker_threads';
import { parseMail, type ParsedMessage } from './mail-parse.ts';

/**
 * The worker thread of parse-pool.ts: parses the raw messages it is sent, in order, and sends
 * the results back. Nothing else lives here, so the thread loads only the parser.
 */

export interface ParseRequest {
  id: number;
  raws: Uint8Array[];
}

export type ParseReply = { id: number; parsed: ParsedMessage[] } | { id: number; error: string };

parentPort?.on('message', (request: ParseRequest) => {
  void (async () => {
    try {
      const parsed: ParsedMessage[] = [];
      for (const raw of request.raws) parsed.push(await parseMail(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)));
      parentPort!.postMessage({ id: request.id, parsed } satisfies ParseReply);
    } catch (err) {
      parentPort!.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err) } satisfies ParseReply);
    }
  })();
});
