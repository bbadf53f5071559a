import type { dealSummaryCalls } from '../../../shared/contract/deal-summary.contract.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { dealSummary } from './deal-summary.queries.ts';

/** A customer's last quote and open sample shipments, for the mail reading pane. */
export function createDealSummaryService({ db }: Pick<ServiceDeps, 'db'>): { handlers: Pick<Handlers, keyof typeof dealSummaryCalls> } {
  return { handlers: { 'customers.dealSummary': ({ customerId }) => dealSummary(db, customerId) } };
}
