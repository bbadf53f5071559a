import { fail } from '../../../shared/contract/result.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { Handlers } from '../core/dispatcher.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import {
  activityById,
  insertActivity,
  isContactOf,
  listActivities,
  liveActivityCustomer,
  liveCustomerOwner,
  softDeleteActivity,
  updateActivity,
} from './activity.queries.ts';
import { reindexCustomerWriting } from './customer-index.queries.ts';

type ActivityOut = CallOutput<'activities.create'>;

/**
 * Notes, calls, meetings and visits on a customer's timeline; triggers derive last contact from
 * them. Every write rewrites the customer's search text in the same transaction, so a call's body
 * finds its customer in the list search and search.all at once.
 */
export function createActivityService(deps: ServiceDeps): {
  handlers: Pick<Handlers, 'activities.list' | 'activities.create' | 'activities.update' | 'activities.remove'>;
} {
  const { db, clock, emit } = deps;

  async function get(id: string): Promise<ActivityOut> {
    const row = await activityById(db, id);
    if (!row) fail('notFound', 'errors.activityNotFound', { id });
    return row;
  }

  /** The customer must be live and the contact its own; returns the customer's owner, who owns the activity. */
  async function check(input: ParsedInput<'activities.create'>): Promise<string | null> {
    const customer = await liveCustomerOwner(db, input.customerId);
    if (!customer) fail('notFound', 'errors.customerNotFound', { id: input.customerId }, [{ path: 'customerId', message: 'errors.customerNotFound', params: { id: input.customerId } }]);
    if (input.contactId && !(await isContactOf(db, input.contactId, input.customerId))) {
      fail('validation', 'errors.validation', undefined, [{ path: 'contactId', message: 'errors.contactNotFound', params: { id: input.contactId } }]);
    }
    return customer.owner_id;
  }

  return {
    handlers: {
      'activities.list': (page) => listActivities(db, page),
      'activities.create': async (input) => {
        const ownerId = await check(input);
        const now = clock.now();
        const id = await db.transaction().execute(async (trx) => {
          const created = await insertActivity(trx, input, ownerId, now);
          await reindexCustomerWriting(trx, [input.customerId]);
          return created;
        });
        emit('data.changed', { entities: ['activities', 'customers'] });
        return get(id);
      },
      'activities.update': async (input) => {
        await check(input);
        await db.transaction().execute(async (trx) => {
          const before = await liveActivityCustomer(trx, input.id);
          if (!before) fail('notFound', 'errors.activityNotFound', { id: input.id });
          if (before.kind === 'task') fail('validation', 'tasks.errors.activityOfTask');
          await updateActivity(trx, input.id, input, clock.now());
          // Moved to another customer: both customers' search rows change.
          await reindexCustomerWriting(trx, [before.customer_id, input.customerId]);
        });
        emit('data.changed', { entities: ['activities', 'customers'] });
        return get(input.id);
      },
      'activities.remove': async ({ id }) => {
        const count = await db.transaction().execute(async (trx) => {
          // A done task's entry follows its task: reopening or deleting the task removes it.
          if ((await liveActivityCustomer(trx, id))?.kind === 'task') fail('validation', 'tasks.errors.activityOfTask');
          const customerIds = await softDeleteActivity(trx, id, clock.now());
          // A deleted activity no longer finds its customer.
          await reindexCustomerWriting(trx, customerIds);
          return customerIds.length;
        });
        emit('data.changed', { entities: ['activities', 'customers'] });
        return { count };
      },
    },
  };
}
