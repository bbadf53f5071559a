import type { QueryClient } from '@tanstack/react-query';
import { startFirstScreenCalls } from './calls.ts';

/**
 * Puts the first screen's data in the cache before the first render: answers that are already
 * in (the `first-screen` entry asked for them while the app's code loaded) are set directly, so
 * the first commit shows rows; the others are awaited under the keys the screens use.
 */
export function prefetchFirstScreen(client: QueryClient): void {
  for (const early of startFirstScreenCalls()) {
    const queryKey = [...early.queryKey];
    if (early.answer) client.setQueryData(queryKey, early.answer.value);
    else void client.prefetchQuery({ queryKey, queryFn: early.take });
  }
}
