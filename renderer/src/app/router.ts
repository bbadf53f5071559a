import { useSyncExternalStore } from 'react';
import { hrefFor, parseRoute, type Route } from './routes.ts';

export { hrefFor, parseRoute, type Route } from './routes.ts';

export function navigate(route: Route): void {
  const href = hrefFor(route);
  if (window.location.hash !== href) window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** What the hosts render into the page: the customer list (a server never sees the hash). */
export const HOST_RENDERED_HASH = '#/customers';

/**
 * The location's hash. The host renders the customer list whatever the address (a server never
 * sees the hash), and the browser's first render (the one that adopts the host's HTML, only done
 * at #/customers: first-screen/mount.tsx) reads the same, then the real hash.
 */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash, () => HOST_RENDERED_HASH);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
