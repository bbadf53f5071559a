import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import type { MessageRow } from '../../../../shared/contract/mail.contract.ts';
import { call } from '../../api/client.ts';
import { visiblePages } from '../../ui/visible-pages.ts';

export const MESSAGE_PAGE_SIZE = 100;

/** Which messages: one folder's, or the mail filed under one customer. */
export type MessageScope = Pick<CallInput<'mail.listMessages'>, 'folderId' | 'customerId'>;

export interface MessagePages {
  /** Null until the first page has answered. */
  total: number | null;
  rowAt(index: number): MessageRow | undefined;
  indexOf(id: string): number;
  isLoading: boolean;
  error: Error | null;
}

/**
 * Fetches only the pages of 100 that cover the visible rows (plus the first, which carries
 * the total), as the customer grid does: a folder of 50,000 messages scrolls like 50.
 */
export function useMessagePages(scope: MessageScope, firstIndex: number, lastIndex: number): MessagePages {
  const pageNumbers = useMemo(() => visiblePages(firstIndex, lastIndex, MESSAGE_PAGE_SIZE), [firstIndex, lastIndex]);

  const results = useQueries({
    queries: pageNumbers.map((page) => {
      const input: CallInput<'mail.listMessages'> = { ...scope, offset: page * MESSAGE_PAGE_SIZE, limit: MESSAGE_PAGE_SIZE };
      return { queryKey: ['mail.listMessages', input] as const, queryFn: () => call('mail.listMessages', input) };
    }),
  });

  const byPage = new Map<number, CallOutput<'mail.listMessages'>>();
  results.forEach((r, i) => {
    if (r.data) byPage.set(pageNumbers[i]!, r.data);
  });

  return {
    total: results[0]?.data?.total ?? null,
    rowAt: (index) => byPage.get(Math.floor(index / MESSAGE_PAGE_SIZE))?.rows[index % MESSAGE_PAGE_SIZE],
    indexOf: (id) => {
      for (const [page, data] of byPage) {
        const at = data.rows.findIndex((r) => r.id === id);
        if (at >= 0) return page * MESSAGE_PAGE_SIZE + at;
      }
      return -1;
    },
    isLoading: results[0]?.isLoading ?? true,
    error: results.find((r) => r.error)?.error ?? null,
  };
}
