import { sql } from 'kysely';
import { fail } from '../../../shared/contract/result.ts';
import type { CallOutput } from '../../../shared/contract/contract.ts';
import { MAX_CUSTOM_FIELDS } from '../../../shared/contract/customers.contract.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';

type OwnerOut = CallOutput<'owners.create'>;
type RegionOut = CallOutput<'regions.create'>;
type FieldOut = CallOutput<'customFields.create'>;

/** Owners, regions, tags and custom field definitions: the lists customers refer to. */
export function createCatalogService(deps: ServiceDeps): {
  handlers: Pick<
    Handlers,
    | 'owners.list'
    | 'owners.create'
    | 'owners.update'
    | 'regions.list'
    | 'regions.create'
    | 'regions.update'
    | 'regions.remove'
    | 'tags.list'
    | 'customFields.list'
    | 'customFields.create'
    | 'customFields.update'
    | 'customFields.remove'
  >;
} {
  const { db, clock, emit } = deps;
  const live = sql<boolean>`c.deleted_at IS NULL`;

  async function listOwners(): Promise<OwnerOut[]> {
    const rows = await db
      .selectFrom('owners as o')
      .leftJoin('customers as c', (j) => j.onRef('c.owner_id', '=', 'o.id').on(live))
      .select(['o.id', 'o.name', 'o.email', 'o.active', (eb) => eb.fn.count<number>('c.id').as('customerCount')])
      .groupBy('o.id')
      .orderBy('o.name')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, active: r.active === 1, customerCount: Number(r.customerCount) }));
  }

  async function getOwner(id: string): Promise<OwnerOut> {
    const owner = (await listOwners()).find((o) => o.id === id);
    if (!owner) fail('notFound', 'errors.ownerNotFound', { id });
    return owner;
  }

  async function listRegions(): Promise<RegionOut[]> {
    const rows = await db
      .selectFrom('regions as r')
      .leftJoin('customers as c', (j) => j.onRef('c.region_code', '=', 'r.code').on(live))
      .select(['r.code', 'r.name_en', 'r.name_zh', 'r.next_seq', (eb) => eb.fn.count<number>('c.id').as('customerCount')])
      .groupBy('r.code')
      .orderBy('r.sort')
      .orderBy('r.code')
      .execute();
    return rows.map((r) => ({ code: r.code, nameEn: r.name_en, nameZh: r.name_zh, nextSeq: r.next_seq, customerCount: Number(r.customerCount) }));
  }

  async function getRegion(code: string): Promise<RegionOut> {
    const region = (await listRegions()).find((r) => r.code === code);
    if (!region) fail('notFound', 'errors.regionNotFound', { code }, [{ path: 'code', message: 'errors.regionNotFound', params: { code } }]);
    return region;
  }

  async function listFields(): Promise<FieldOut[]> {
    const rows = await db.selectFrom('custom_field_defs').selectAll().where('deleted_at', 'is', null).orderBy('sort').orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, label: r.label, type: r.type, options: JSON.parse(r.options) as string[], sort: r.sort }));
  }

  return {
    handlers: {
      'owners.list': () => listOwners(),
      'owners.create': async (input) => {
        const now = clock.now();
        const id = newId();
        await db
          .insertInto('owners')
          .values({ id, name: input.name, email: input.email, active: input.active ? 1 : 0, created_at: now, updated_at: now })
          .execute();
        emit('data.changed', { entities: ['owners'] });
        return getOwner(id);
      },
      'owners.update': async (input) => {
        const res = await db
          .updateTable('owners')
          .set({ name: input.name, email: input.email, active: input.active ? 1 : 0, updated_at: clock.now() })
          .where('id', '=', input.id)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) fail('notFound', 'errors.ownerNotFound', { id: input.id });
        emit('data.changed', { entities: ['owners', 'customers'] });
        return getOwner(input.id);
      },

      'regions.list': () => listRegions(),
      'regions.create': async (input) => {
        const exists = await db.selectFrom('regions').select('code').where('code', '=', input.code).executeTakeFirst();
        if (exists) fail('conflict', 'errors.regionExists', { code: input.code }, [{ path: 'code', message: 'errors.regionExists', params: { code: input.code } }]);
        const max = await db.selectFrom('regions').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst();
        await db
          .insertInto('regions')
          .values({ code: input.code, name_en: input.nameEn, name_zh: input.nameZh, next_seq: 1, sort: Number(max?.m ?? 0) + 1 })
          .execute();
        emit('data.changed', { entities: ['regions'] });
        return getRegion(input.code);
      },
      'regions.update': async (input) => {
        const res = await db.updateTable('regions').set({ name_en: input.nameEn, name_zh: input.nameZh }).where('code', '=', input.code).executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) fail('notFound', 'errors.regionNotFound', { code: input.code });
        emit('data.changed', { entities: ['regions'] });
        return getRegion(input.code);
      },
      'regions.remove': async ({ code }) => {
        // Deleted customers keep their codes too, so a region that ever had one stays.
        const used = await db.selectFrom('customers').select('id').where('region_code', '=', code).limit(1).executeTakeFirst();
        if (used) fail('conflict', 'errors.regionInUse', { code });
        const res = await db.deleteFrom('regions').where('code', '=', code).executeTakeFirst();
        emit('data.changed', { entities: ['regions'] });
        return { count: Number(res.numDeletedRows) };
      },

      'tags.list': async () => {
        const rows = await db
          .selectFrom('tags as t')
          .leftJoin('customer_tags as ct', 'ct.tag_id', 't.id')
          .leftJoin('customers as c', (j) => j.onRef('c.id', '=', 'ct.customer_id').on(live))
          .select(['t.id', 't.name', 't.color', (eb) => eb.fn.count<number>('c.id').as('customerCount')])
          .groupBy('t.id')
          .orderBy('t.name')
          .execute();
        return rows.map((r) => ({ id: r.id, name: r.name, color: r.color, customerCount: Number(r.customerCount) }));
      },

      'customFields.list': () => listFields(),
      'customFields.create': async (input) => {
        if (input.type === 'select' && input.options.length === 0) {
          fail('validation', 'errors.validation', undefined, [{ path: 'options', message: 'errors.selectNeedsOptions' }]);
        }
        // A customer's values are bounded to this many per call, and the form sends every field.
        const defined = await db.selectFrom('custom_field_defs').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
        if (Number(defined.n) >= MAX_CUSTOM_FIELDS) {
          fail('validation', 'errors.validation', undefined, [{ path: 'label', message: 'errors.tooManyCustomFields', params: { max: MAX_CUSTOM_FIELDS } }]);
        }
        const id = newId();
        const max = await db.selectFrom('custom_field_defs').select((eb) => eb.fn.max('sort').as('m')).executeTakeFirst();
        await db
          .insertInto('custom_field_defs')
          .values({ id, label: input.label, type: input.type, options: JSON.stringify(input.options), sort: Number(max?.m ?? 0) + 1, created_at: clock.now(), deleted_at: null })
          .execute();
        emit('data.changed', { entities: ['customFields'] });
        return (await listFields()).find((f) => f.id === id)!;
      },
      'customFields.update': async (input) => {
        const res = await db
          .updateTable('custom_field_defs')
          .set({ label: input.label, type: input.type, options: JSON.stringify(input.options) })
          .where('id', '=', input.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) === 0) fail('notFound', 'errors.customFieldNotFound', { id: input.id });
        emit('data.changed', { entities: ['customFields'] });
        return (await listFields()).find((f) => f.id === input.id)!;
      },
      'customFields.remove': async ({ id }) => {
        // Soft delete: values stay, so restoring the field brings them back.
        const res = await db.updateTable('custom_field_defs').set({ deleted_at: clock.now() }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        emit('data.changed', { entities: ['customFields'] });
        return { count: Number(res.numUpdatedRows) };
      },
    },
  };
}
