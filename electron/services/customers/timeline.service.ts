import { fail } from '../../../shared/contract/result.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { customerTimeline } from './timeline.queries.ts';

/** A customer's timeline: what was done (activities) and written (filed mail), in one list. */
export function createTimelineService({ db }: Pick<ServiceDeps, 'db'>): { handlers: Pick<Handlers, 'customers.timeline'> } {
  return {
    handlers: {
      'customers.timeline': async (input) => (await customerTimeline(db, input)) ?? fail('notFound', 'errors.customerNotFound', { id: input.customerId }),
    },
  };
}
