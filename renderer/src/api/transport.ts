import type { CallKey, EventKey } from '../../../shared/contract/contract.ts';
import type { Result } from '../../../shared/contract/result.ts';

/** What the Electron preload exposes on `window.tradefolio` (contract names only). */
export interface PreloadBridge {
  invoke(key: CallKey, input: unknown): Promise<Result<unknown>>;
  on(event: EventKey, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    tradefolio?: PreloadBridge;
  }
}

export interface Transport {
  invoke(key: CallKey, input: unknown): Promise<Result<unknown>>;
  on(event: EventKey, listener: (payload: unknown) => void): () => void;
}

const TOKEN_KEY = 'tradefolio.token';

/** The web host hands its per-run token in the URL fragment; keep it for this tab and hide it. */
function takeWebToken(): string {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromHash = hash.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    hash.delete('token');
    const rest = hash.toString();
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function webTransport(): Transport {
  const token = takeWebToken();
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    async invoke(key, input) {
      const res = await fetch(`/api/call/${encodeURIComponent(key)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tradefolio-token': token },
        body: JSON.stringify(input ?? {}),
      });
      if (res.status === 401 || res.status === 403) {
        return { ok: false, error: { code: 'unauthorized', message: 'errors.unauthorized' } };
      }
      return (await res.json()) as Result<unknown>;
    },
    on(event, listener) {
      if (!source) {
        source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
        // EventSource reconnects by itself, but events sent while it was away are gone:
        // after a reconnect, tell the listeners everything may have changed.
        let lost = false;
        source.addEventListener('error', () => {
          lost = true;
        });
        source.addEventListener('open', () => {
          if (!lost) return;
          lost = false;
          for (const l of listeners.get('data.changed') ?? []) l({ entities: ['all'] });
        });
      }
      let set = listeners.get(event);
      if (!set) {
        const created = new Set<(payload: unknown) => void>();
        listeners.set(event, created);
        set = created;
        source.addEventListener(event, (e) => {
          const payload: unknown = JSON.parse((e as MessageEvent<string>).data);
          for (const l of created) l(payload);
        });
      }
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

export function createTransport(): Transport {
  const bridge = window.tradefolio;
  return bridge ? { invoke: (k, i) => bridge.invoke(k, i), on: (e, l) => bridge.on(e, l) } : webTransport();
}
