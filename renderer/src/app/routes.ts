/** Hash routes of the app, as data; pure so tests and the prefetch can use them without a window. */
export type Route =
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  | { page: 'notContacted' }
  | { page: 'duplicates' }
  | { page: 'trash' }
  | { page: 'settings' };

const SIMPLE_PAGES: Record<string, Route> = {
  customers: { page: 'customers' },
  'not-contacted': { page: 'notContacted' },
  duplicates: { page: 'duplicates' },
  trash: { page: 'trash' },
  settings: { page: 'settings' },
};

/** `#/customers/<id>` and friends; anything unknown (including an empty hash) is the customer list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'customers' && second) return { page: 'customer', id: decodeURIComponent(second) };
  return (first && SIMPLE_PAGES[first]) || { page: 'customers' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'notContacted':
      return '#/not-contacted';
    default:
      return `#/${route.page}`;
  }
}
