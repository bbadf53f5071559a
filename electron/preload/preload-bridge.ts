import { CALL_KEYS, EVENT_KEYS } from '../../shared/contract/contract.ts';
import type { Result } from '../../shared/contract/result.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels.ts';

/** The part of Electron's ipcRenderer the bridge uses (kept narrow so the bridge is testable in Node). */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Electron's webUtils.getPathForFile: the only way a sandboxed page learns where a dropped file is. */
export interface FilePathsLike {
  getPathForFile(file: File): string;
}

export interface TradefolioBridge {
  invoke(key: unknown, input: unknown): Promise<Result<unknown>>;
  on(event: unknown, listener: unknown): () => void;
  /** Where a file dropped on the page is on disk (an archive to import); null for anything else. */
  pathForFile(file: unknown): string | null;
}

/**
 * What `window.tradefolio` is: invoke and on, for contract names only, and a dropped file's path
 * (nothing else about the disk). No ipcRenderer, no event objects and no Node reach the page;
 * the main process checks the sender again anyway.
 */
export function createBridge(ipc: IpcLike, files?: FilePathsLike): TradefolioBridge {
  const callKeys = new Set<string>(CALL_KEYS);
  const eventKeys = new Set<string>(EVENT_KEYS);
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  ipc.on(EVENT_CHANNEL, (_event, key, payload) => {
    if (typeof key !== 'string' || !eventKeys.has(key)) return;
    for (const listener of listeners.get(key) ?? []) {
      try {
        listener(payload);
      } catch (err) {
        console.error(err);
      }
    }
  });

  return {
    pathForFile(file) {
      if (!files || typeof File === 'undefined' || !(file instanceof File)) return null;
      // An empty string: a File the page made itself, not one from the disk.
      return files.getPathForFile(file) || null;
    },
    invoke(key, input) {
      if (typeof key !== 'string' || !callKeys.has(key)) {
        return Promise.resolve({ ok: false, error: { code: 'unknownCall', message: 'errors.unknownCall', params: { key: String(key) } } });
      }
      return ipc.invoke(INVOKE_CHANNEL, key, input) as Promise<Result<unknown>>;
    },
    on(event, listener) {
      if (typeof event !== 'string' || !eventKeys.has(event)) throw new Error(`Unknown event: ${String(event)}`);
      if (typeof listener !== 'function') throw new Error('The listener must be a function');
      const cb = listener as (payload: unknown) => void;
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(cb);
      return () => {
        set.delete(cb);
      };
    },
  };
}
