/** Hash routes of the app, as data; pure so tests and the prefetch can use them without a window. */
export type Route =
  /** The home screen: what is due today. */
  | { page: 'today' }
  | { page: 'customers' }
  | { page: 'customer'; id: string }
  /** Which folder and message are open is in the hash's query (features/mail/mail-route.ts). */
  | { page: 'mail' }
  | { page: 'notContacted' }
  | { page: 'leads' }
  /** Global search; the query is in the hash (`#/search?q=报价`) so Back returns to the results. */
  | { page: 'search'; query: string }
  | { page: 'duplicates' }
  /** The Import center (mail archives; contact sheets later). */
  | { page: 'imports' }
  | { page: 'products' }
  | { page: 'quotes' }
  /** One quote (any revision), read or edited. */
  | { page: 'quote'; id: string }
  /** `open`: the shipment whose drawer opens (`#/samples?open=<id>`; SamplesPage reads it). */
  | { page: 'samples'; open?: string }
  /** Tasks and appointments: open, overdue, done. */
  | { page: 'tasks' }
  /** Charts and tables of quotes, samples and top customers. */
  | { page: 'reports' }
  | { page: 'trash' }
  | { page: 'settings' };

const SIMPLE_PAGES: Record<string, Route> = {
  today: { page: 'today' },
  customers: { page: 'customers' },
  'not-contacted': { page: 'notContacted' },
  leads: { page: 'leads' },
  mail: { page: 'mail' },
  duplicates: { page: 'duplicates' },
  imports: { page: 'imports' },
  products: { page: 'products' },
  quotes: { page: 'quotes' },
  samples: { page: 'samples' },
  tasks: { page: 'tasks' },
  reports: { page: 'reports' },
  trash: { page: 'trash' },
  settings: { page: 'settings' },
};

/** `#/customers/<id>` and friends; anything unknown (including an empty hash) is the home screen, Today. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'customers' && second) return { page: 'customer', id: decodeURIComponent(second) };
  if (first === 'quotes' && second) return { page: 'quote', id: decodeURIComponent(second) };
  if (first === 'search') return { page: 'search', query: new URLSearchParams(hash.split('?')[1] ?? '').get('q') ?? '' };
  return (first && SIMPLE_PAGES[first]) || { page: 'today' };
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'customer':
      return `#/customers/${encodeURIComponent(route.id)}`;
    case 'quote':
      return `#/quotes/${encodeURIComponent(route.id)}`;
    case 'samples':
      return route.open ? `#/samples?open=${encodeURIComponent(route.open)}` : '#/samples';
    case 'notContacted':
      return '#/not-contacted';
    case 'search':
      return `#/search?q=${encodeURIComponent(route.query)}`;
    default:
      return `#/${route.page}`;
  }
}
