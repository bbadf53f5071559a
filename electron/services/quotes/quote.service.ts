import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { quoteCalls } from '../../../shared/contract/quotes.contract.ts';

type QuoteKeys = keyof typeof quoteCalls;

/** Quotes, their revisions and price history (issue 13 points 2, 3 and 6). */
export function createQuoteService(deps: ServiceDeps): { handlers: Pick<Handlers, QuoteKeys> } {
  void deps;
  return { handlers: {} };
}
