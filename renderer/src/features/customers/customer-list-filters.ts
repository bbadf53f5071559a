import type { CallInput } from '../../../../shared/contract/contract.ts';

export const CUSTOMER_PAGE_SIZE = 200;

export type CustomerListFilters = Omit<CallInput<'customers.list'>, 'offset' | 'limit'>;

export type LastContactPreset = NonNullable<CallInput<'customers.list'>['lastContact']>;

/** The contract's presets, listed here so the list screen does not load zod at start-up (a unit test keeps them equal). */
export const LAST_CONTACT_PRESETS = ['never', 'within7', 'within30', 'within90', 'over30', 'over90', 'over180'] as const satisfies readonly LastContactPreset[];

export const INITIAL_FILTERS: CustomerListFilters = {
  search: '',
  grades: [],
  stages: [],
  countries: [],
  ownerIds: [],
  tagIds: [],
  lastContact: null,
  sort: 'name',
  dir: 'asc',
};

/** One page's input; also the query key, so a prefetch and the list share the cache entry. */
export function customerPageInput(filters: CustomerListFilters, page: number): CallInput<'customers.list'> {
  return { ...filters, offset: page * CUSTOMER_PAGE_SIZE, limit: CUSTOMER_PAGE_SIZE };
}
