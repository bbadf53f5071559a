import type { CallInput } from '../../../../shared/contract/contract.ts';
import { FIRST_CUSTOMER_PAGE } from '../../../../shared/contract/first-screen.ts';

export type CustomerListFilters = Omit<CallInput<'customers.list'>, 'offset' | 'limit'>;

export type LastContactPreset = NonNullable<CallInput<'customers.list'>['lastContact']>;

/** The contract's presets, listed here so the list screen does not load zod at start-up (a unit test keeps them equal). */
export const LAST_CONTACT_PRESETS = ['never', 'within7', 'within30', 'within90', 'over30', 'over90', 'over180'] as const satisfies readonly LastContactPreset[];

// The list opens on the first screen's page (the one the hosts answer before the scripts load),
// so its filters and page size are taken from it, not written out again.
const { offset: _offset, limit: pageSize, ...initialFilters } = FIRST_CUSTOMER_PAGE;

export const CUSTOMER_PAGE_SIZE = pageSize;

export const INITIAL_FILTERS: CustomerListFilters = initialFilters;

/** One page's input; also the query key, so a prefetch and the list share the cache entry. */
export function customerPageInput(filters: CustomerListFilters, page: number): CallInput<'customers.list'> {
  return { ...filters, offset: page * CUSTOMER_PAGE_SIZE, limit: CUSTOMER_PAGE_SIZE };
}
