import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { CustomerRow } from '../../../../shared/contract/customers.contract.ts';
import { call } from '../../api/client.ts';
import { CUSTOMER_PAGE_SIZE, customerPageInput, type CustomerListFilters } from './customer-list-filters.ts';
import { visiblePages } from '../../ui/visible-pages.ts';

export type { CustomerListFilters } from './customer-list-filters.ts';

export interface CustomerPages {
  /** Matching customers; null until the first page has answered. */
  total: number | null;
  /** The row at an index, or undefined while its page is loading. */
  rowAt(index: number): CustomerRow | undefined;
  loadedRows(): CustomerRow[];
  isFetching: boolean;
  error: Error | null;
}

/**
 * Fetches only the pages of 200 that cover the visible rows (plus the first page, which
 * carries the total), so scrolling or dragging the scrollbar anywhere in 10,000 customers
 * asks for one or two pages, not everything before them.
 */
export function useCustomerPages(filters: CustomerListFilters, firstIndex: number, lastIndex: number): CustomerPages {
  const pageNumbers = useMemo(() => visiblePages(firstIndex, lastIndex, CUSTOMER_PAGE_SIZE), [firstIndex, lastIndex]);

  const results = useQueries({
    queries: pageNumbers.map((page) => {
      const input = customerPageInput(filters, page);
      return {
        queryKey: ['customers.list', input] as const,
        queryFn: () => call('customers.list', input),
        // While the filters change, the first page keeps showing the old rows instead of
        // flashing an empty list; other pages must not, their slot may now hold another page.
        placeholderData: page === 0 ? (previous: CallOutput<'customers.list'> | undefined) => previous : undefined,
      };
    }),
  });

  const byPage = new Map<number, CallOutput<'customers.list'>>();
  results.forEach((r, i) => {
    if (r.data) byPage.set(pageNumbers[i]!, r.data);
  });

  return {
    total: results[0]?.data?.total ?? null,
    rowAt: (index) => byPage.get(Math.floor(index / CUSTOMER_PAGE_SIZE))?.rows[index % CUSTOMER_PAGE_SIZE],
    loadedRows: () => [...byPage.values()].flatMap((p) => p.rows),
    isFetching: results.some((r) => r.isFetching),
    error: results.find((r) => r.error)?.error ?? null,
  };
}
