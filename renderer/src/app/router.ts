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

/**
 * The location's hash. The host renders the first screen for the page's own address (no hash:
 * the customer list; a server never sees the hash), and the browser's first render (the one that
 * adopts the host's HTML) reads the same, then the real hash.
 */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash, () => '');
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
