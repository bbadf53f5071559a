import { fail } from '../../../shared/contract/result.ts';
import type { CallOutput, ParsedInput } from '../../../shared/contract/contract.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { newId } from '../core/ids.ts';
import { reindexCustomerWriting } from './customer-index.queries.ts';
import type { ServiceDeps } from '../core/service-deps.ts';

type ActivityOut = CallOutput<'activities.create'>;

/** Live activities with their contact and owner names, shaped as the contract's Activity. */
export function selectActivities(db: ServiceDeps['db']) {
  return db
    .selectFrom('activities as a')
    .leftJoin('contacts as ct', 'ct.id', 'a.contact_id')
    .leftJoin('owners as o', 'o.id', 'a.owner_id')
    .select([
      'a.id as id',
      'a.customer_id as customerId',
      'a.contact_id as contactId',
      'ct.name as contactName',
      'a.kind as kind',
      'a.direction as direction',
      'a.subject as subject',
      'a.body as body',
      'a.occurred_at as occurredAt',
      'o.name as ownerName',
      'a.created_at as createdAt',
    ])
    .where('a.deleted_at', 'is', null);
}

/**
 * Notes, calls, meetings and visits on a customer's timeline; triggers derive last contact from
 * them. Every write rewrites the customer's search text in the same transaction, so a call's body
 * finds its customer in the list search and search.all at once.
 */
export function createActivityService(deps: ServiceDeps): {
  handlers: Pick<Handlers, 'activities.list' | 'activities.create' | 'activities.update' | 'activities.remove'>;
} {
  const { db, clock, emit } = deps;
  const select = () => selectActivities(db);

  async function get(id: string): Promise<ActivityOut> {
    const row = await select().where('a.id', '=', id).executeTakeFirst();
    if (!row) fail('notFound', 'errors.activityNotFound', { id });
    return row;
  }

  async function check(input: ParsedInput<'activities.create'>): Promise<string | null> {
    const customer = await db.selectFrom('customers').select(['owner_id']).where('id', '=', input.customerId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!customer) fail('notFound', 'errors.customerNotFound', { id: input.customerId }, [{ path: 'customerId', message: 'errors.customerNotFound', params: { id: input.customerId } }]);
    if (input.contactId) {
      const contact = await db.selectFrom('contacts').select('id').where('id', '=', input.contactId).where('customer_id', '=', input.customerId).executeTakeFirst();
      if (!contact) fail('validation', 'errors.validation', undefined, [{ path: 'contactId', message: 'errors.contactNotFound', params: { id: input.contactId } }]);
    }
    return customer.owner_id;
  }

  return {
    handlers: {
      'activities.list': async ({ customerId, offset, limit }) => {
        const rows = await select().where('a.customer_id', '=', customerId).orderBy('a.occurred_at', 'desc').orderBy('a.id', 'desc').limit(limit).offset(offset).execute();
        const total = await db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
        return { total: Number(total.n), rows };
      },
      'activities.create': async (input) => {
        const ownerId = await check(input);
        const id = newId();
        const now = clock.now();
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('activities')
            .values({ id, customer_id: input.customerId, contact_id: input.contactId, kind: input.kind, direction: input.direction, subject: input.subject, body: input.body, occurred_at: input.occurredAt, owner_id: ownerId, created_at: now, updated_at: now, deleted_at: null })
            .execute();
          await reindexCustomerWriting(trx, [input.customerId]);
        });
        emit('data.changed', { entities: ['activities', 'customers'] });
        return get(id);
      },
      'activities.update': async (input) => {
        await check(input);
        await db.transaction().execute(async (trx) => {
          const before = await trx.selectFrom('activities').select('customer_id').where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
          if (!before) fail('notFound', 'errors.activityNotFound', { id: input.id });
          await trx
            .updateTable('activities')
            .set({ customer_id: input.customerId, contact_id: input.contactId, kind: input.kind, direction: input.direction, subject: input.subject, body: input.body, occurred_at: input.occurredAt, updated_at: clock.now() })
            .where('id', '=', input.id)
            .execute();
          // Moved to another customer: both customers' search rows change.
          await reindexCustomerWriting(trx, [before.customer_id, input.customerId]);
        });
        emit('data.changed', { entities: ['activities', 'customers'] });
        return get(input.id);
      },
      'activities.remove': async ({ id }) => {
        const count = await db.transaction().execute(async (trx) => {
          const rows = await trx.updateTable('activities').set({ deleted_at: clock.now() }).where('id', '=', id).where('deleted_at', 'is', null).returning('customer_id').execute();
          // A deleted activity no longer finds its customer.
          await reindexCustomerWriting(trx, rows.map((r) => r.customer_id));
          return rows.length;
        });
        emit('data.changed', { entities: ['activities', 'customers'] });
        return { count };
      },
    },
  };
}
