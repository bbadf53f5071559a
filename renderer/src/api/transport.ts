import type { CallKey, EventKey } from '../../../shared/contract/contract.ts';
import type { Result } from '../../../shared/contract/result.ts';
// Not first-screen/index.ts: this module is in the early `first-screen` chunk, which must stay small.
import { serverRenderedState } from '../first-screen/state.ts';

/** What the Electron preload exposes on `window.tradefolio` (contract names only). */
export interface PreloadBridge {
  invoke(key: CallKey, input: unknown): Promise<Result<unknown>>;
  on(event: EventKey, listener: (payload: unknown) => void): () => void;
  /** Where a dropped file is on disk; missing in a preload older than the Import center. */
  pathForFile?(file: File): string | null;
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
/** Comfortably after the first paint (about a second on a slow machine). */
const AFTER_FIRST_SCREEN_MS = 1500;

/**
 * The web host's link carries its per-run token (`/?token=…`; older links `/#token=…`); a page
 * the host rendered also has it in its first-screen state. Keep it for this tab (so a reload
 * still works) and take it out of the address bar. It is kept in sessionStorage, never in a
 * cookie: sessionStorage belongs to our origin, port included, while a cookie of 127.0.0.1 goes
 * to every server on it. (So the host renders the list into the page for the link only; a
 * reload gets the plain page and the list comes from the API.) Storing and hiding wait until
 * the first screen is up: the first sessionStorage write of a fresh tab opens the storage
 * backend (25–35 ms measured), which would otherwise sit in front of the first paint.
 */
function takeWebToken(): string {
  const initialHash = window.location.hash;
  const search = new URLSearchParams(window.location.search);
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromUrl = search.get('token') ?? hash.get('token');
  const token = fromUrl ?? serverRenderedState()?.token ?? sessionStorage.getItem(TOKEN_KEY) ?? '';
  if (fromUrl || serverRenderedState()?.token) {
    let kept = false;
    const keep = () => {
      if (kept) return;
      kept = true;
      sessionStorage.setItem(TOKEN_KEY, token);
      if (!fromUrl) return;
      search.delete('token');
      const query = search.toString();
      let fragment = window.location.hash;
      // Once the user has moved on, the hash is a route (and the token is no longer in it).
      if (hash.has('token') && fragment === initialHash) {
        hash.delete('token');
        fragment = hash.size ? `#${hash.toString()}` : '';
      }
      history.replaceState(history.state, '', window.location.pathname + (query ? `?${query}` : '') + fragment);
    };
    setTimeout(() => (typeof requestIdleCallback === 'function' ? requestIdleCallback(keep, { timeout: 2000 }) : keep()), AFTER_FIRST_SCREEN_MS);
    // Leaving the first screen: store it right then, so a reload still finds it.
    window.addEventListener('hashchange', keep, { once: true });
  }
  return token;
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
        // Events sent while the stream was not open reached nobody: before it first opened (the
        // first screen's answers were taken earlier — by the host that rendered the page, or by
        // the early calls — while mail sync may already be filing), and while it was away (it
        // reconnects by itself). Each time it opens, the listeners hear that anything may have
        // changed; unchanged answers re-render nothing (TanStack Query keeps equal data).
        let away = true;
        source.addEventListener('error', () => {
          away = true;
        });
        source.addEventListener('open', () => {
          if (!away) return;
          away = false;
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

/**
 * The preload's events flow from the moment of subscribing; the first screen's answers are older
 * (the main process rendered them into the page, or answered the early calls): the first
 * subscriber to data.changed hears that anything may have changed since.
 */
function bridgeTransport(bridge: PreloadBridge): Transport {
  let caughtUp = false;
  return {
    invoke: (key, input) => bridge.invoke(key, input),
    on(event, listener) {
      const off = bridge.on(event, listener);
      if (event === 'data.changed' && !caughtUp) {
        caughtUp = true;
        queueMicrotask(() => listener({ entities: ['all'] }));
      }
      return off;
    },
  };
}

export function createTransport(): Transport {
  const bridge = window.tradefolio;
  return bridge ? bridgeTransport(bridge) : webTransport();
}
