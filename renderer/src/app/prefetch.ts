import type { QueryClient } from '@tanstack/react-query';
import { call } from '../api/client.ts';
import { customerPageInput, INITIAL_FILTERS } from '../features/customers/customer-list-filters.ts';
import { parseRoute } from './router.ts';

/**
 * Asks for the first screen's data while React is still rendering, instead of after the first
 * commit; the keys are the ones the screens use, so they find the answers in the cache.
 */
export function prefetchFirstScreen(client: QueryClient): void {
  void client.prefetchQuery({ queryKey: ['settings.get', {}], queryFn: () => call('settings.get', {}) });
  if (parseRoute(window.location.hash).page === 'customers') {
    const input = customerPageInput(INITIAL_FILTERS, 0);
    void client.prefetchQuery({ queryKey: ['customers.list', input], queryFn: () => call('customers.list', input) });
  }
}
