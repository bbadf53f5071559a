import type { Tx } from '../../../db/database.ts';
import { sql } from 'kysely';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import type { Contact, CustomerDetail } from '../../../shared/contract/customers.contract.ts';
import { fail, type FieldError } from '../../../shared/contract/result.ts';
import { formatCustomerCode } from '../../../shared/domain/customer-code.ts';
import { normalizeCompanyName } from '../../../shared/domain/name-similarity.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { idChunks } from '../core/id-chunks.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { reindexCustomers, normalizeChannel } from './customer-index.ts';
import { listCustomers } from './customer-list.query.ts';
import { selectCustomerRows, toCustomerRow } from './customer-rows.ts';
import { checkDuplicates, dismissDuplicates, findDuplicateGroups, restoreDuplicates } from './duplicates.ts';
import { mergeCustomers } from './merge.ts';

type CustomerInput = ParsedInput<'customers.create'>;
type ContactInput = ParsedInput<'contacts.create'>;

export type CustomerHandlerKeys =
  | 'customers.list'
  | 'customers.get'
  | 'customers.create'
  | 'customers.update'
  | 'customers.remove'
  | 'customers.restore'
  | 'customers.listTrash'
  | 'customers.transfer'
  | 'customers.checkDuplicates'
  | 'customers.findDuplicates'
  | 'customers.dismissDuplicates'
  | 'customers.restoreDuplicates'
  | 'customers.merge'
  | 'contacts.create'
  | 'contacts.update'
  | 'contacts.remove';

/**
 * The writes behind customers.create and contacts.create, inside a caller's transaction, for
 * services that create customers and contacts as part of something larger (New leads). Each
 * ends with reindexCustomers, so search, company domains and mail filing follow at once.
 */
export interface CustomerWrites {
  /** Returns the new customer's id. */
  insertCustomer(trx: Tx, input: CustomerInput): Promise<string>;
  /** Returns the new contact's id. */
  insertContact(trx: Tx, input: ContactInput): Promise<string>;
  getDetail(id: string): Promise<CustomerDetail>;
}

export function createCustomerService(deps: ServiceDeps): { handlers: Pick<Handlers, CustomerHandlerKeys>; writes: CustomerWrites } {
  const { db, clock, emit } = deps;

  async function getDetail(id: string): Promise<CustomerDetail> {
    const row = await selectCustomerRows(db)
      .select(['c.website', 'c.address', 'c.phone', 'c.source', 'c.personality', 'c.notes', 'c.updated_at'])
      .where('c.id', '=', id)
      .executeTakeFirst();
    if (!row) fail('notFound', 'errors.customerNotFound', { id });
    const [contacts, domains, values, conflicts] = await Promise.all([
      loadContacts(id),
      db.selectFrom('customer_domains').select('domain').where('customer_id', '=', id).orderBy('domain').execute(),
      db
        .selectFrom('custom_field_values as v')
        .innerJoin('custom_field_defs as d', 'd.id', 'v.field_id')
        .select(['v.field_id', 'v.value'])
        .where('v.customer_id', '=', id)
        .where('d.deleted_at', 'is', null)
        .execute(),
      db
        .selectFrom('customer_domains as mine')
        .innerJoin('customer_domains as theirs', (j) => j.onRef('theirs.domain', '=', 'mine.domain').onRef('theirs.customer_id', '!=', 'mine.customer_id'))
        .innerJoin('customers as other', 'other.id', 'theirs.customer_id')
        .leftJoin('owners as o', 'o.id', 'other.owner_id')
        .select(['other.id', 'other.code', 'other.name', 'o.name as ownerName', 'mine.domain'])
        .where('mine.customer_id', '=', id)
        .where('other.deleted_at', 'is', null)
        .where(sql<boolean>`other.owner_id IS NOT ${row.owner_id}`)
        .execute(),
    ]);
    return {
      ...toCustomerRow(row),
      website: row.website,
      address: row.address,
      phone: row.phone,
      source: row.source,
      personality: row.personality,
      notes: row.notes,
      updatedAt: row.updated_at,
      dueAt: row.due_at,
      domains: domains.map((d) => d.domain),
      contacts,
      customFields: Object.fromEntries(values.map((v) => [v.field_id, JSON.parse(v.value) as string | number | null])),
      conflicts,
    };
  }

  async function loadContacts(customerId: string, contactId?: string): Promise<Contact[]> {
    let q = db.selectFrom('contacts').selectAll().where('customer_id', '=', customerId).where('deleted_at', 'is', null);
    if (contactId) q = q.where('id', '=', contactId);
    const contacts = await q.orderBy('is_primary', 'desc').orderBy('created_at').execute();
    if (contacts.length === 0) return [];
    const channels = await db
      .selectFrom('contact_channels')
      .selectAll()
      .where('contact_id', 'in', contacts.map((c) => c.id))
      .orderBy('sort')
      .execute();
    return contacts.map((c) => ({
      id: c.id,
      customerId: c.customer_id,
      name: c.name,
      title: c.title,
      isPrimary: c.is_primary === 1,
      notes: c.notes,
      channels: channels.filter((ch) => ch.contact_id === c.id).map((ch) => ({ kind: ch.kind, value: ch.value, label: ch.label })),
    }));
  }

  async function assertLiveCustomer(trx: Tx, id: string, path = 'customerId'): Promise<{ owner_id: string | null }> {
    const row = await trx.selectFrom('customers').select(['owner_id']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) fail('notFound', 'errors.customerNotFound', { id }, [{ path, message: 'errors.customerNotFound', params: { id } }]);
    return row;
  }

  async function nextSeq(trx: Tx, regionCode: string): Promise<number> {
    const row = await trx
      .updateTable('regions')
      .set((eb) => ({ next_seq: eb('next_seq', '+', 1) }))
      .where('code', '=', regionCode)
      .returning('next_seq')
      .executeTakeFirst();
    if (!row) fail('validation', 'errors.validation', undefined, [{ path: 'regionCode', message: 'errors.regionNotFound', params: { code: regionCode } }]);
    return row.next_seq - 1;
  }

  async function checkReferences(trx: Tx, input: CustomerInput): Promise<void> {
    const errors: FieldError[] = [];
    if (input.ownerId) {
      const owner = await trx.selectFrom('owners').select('id').where('id', '=', input.ownerId).executeTakeFirst();
      if (!owner) errors.push({ path: 'ownerId', message: 'errors.ownerNotFound', params: { id: input.ownerId } });
    }
    const fieldIds = Object.keys(input.customFields);
    if (fieldIds.length) {
      const defs = await trx.selectFrom('custom_field_defs').selectAll().where('id', 'in', fieldIds).where('deleted_at', 'is', null).execute();
      for (const [fieldId, value] of Object.entries(input.customFields)) {
        const def = defs.find((d) => d.id === fieldId);
        const path = `customFields.${fieldId}`;
        if (!def) errors.push({ path, message: 'errors.customFieldNotFound', params: { id: fieldId } });
        else if (value === null || value === '') continue;
        else if (def.type === 'number' && typeof value !== 'number') errors.push({ path, message: 'validation.invalidNumber' });
        else if (def.type === 'date' && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))) errors.push({ path, message: 'validation.invalidDate' });
        else if (def.type === 'select' && !(JSON.parse(def.options) as string[]).includes(String(value))) errors.push({ path, message: 'validation.invalidChoice' });
      }
    }
    if (errors.length) fail('validation', 'errors.validation', undefined, errors);
  }

  async function writeTagsAndFields(trx: Tx, customerId: string, input: CustomerInput): Promise<void> {
    await trx.deleteFrom('customer_tags').where('customer_id', '=', customerId).execute();
    for (const name of new Set(input.tags)) {
      let tag = await trx.selectFrom('tags').select('id').where(sql<boolean>`name = ${name} COLLATE NOCASE`).executeTakeFirst();
      if (!tag) {
        tag = { id: newId() };
        await trx.insertInto('tags').values({ id: tag.id, name, color: null, created_at: clock.now() }).execute();
      }
      await trx.insertInto('customer_tags').values({ customer_id: customerId, tag_id: tag.id }).onConflict((oc) => oc.doNothing()).execute();
    }
    for (const [fieldId, value] of Object.entries(input.customFields)) {
      await trx.deleteFrom('custom_field_values').where('customer_id', '=', customerId).where('field_id', '=', fieldId).execute();
      if (value === null || value === '') continue;
      await trx.insertInto('custom_field_values').values({ customer_id: customerId, field_id: fieldId, value: JSON.stringify(value) }).execute();
    }
  }

  function profileColumns(input: CustomerInput) {
    return {
      name: input.name,
      name_key: normalizeCompanyName(input.name),
      local_name: input.localName,
      country: input.country,
      website: input.website,
      address: input.address,
      phone: input.phone,
      grade: input.grade,
      stage: input.stage,
      source: input.source,
      owner_id: input.ownerId,
      personality: input.personality,
      notes: input.notes,
    };
  }

  async function writeContact(trx: Tx, input: ContactInput, id: string, existing: boolean): Promise<void> {
    const now = clock.now();
    if (input.isPrimary) {
      await trx.updateTable('contacts').set({ is_primary: 0 }).where('customer_id', '=', input.customerId).where('id', '!=', id).execute();
    }
    const values = { customer_id: input.customerId, name: input.name, title: input.title, is_primary: input.isPrimary ? (1 as const) : (0 as const), notes: input.notes, updated_at: now };
    if (existing) await trx.updateTable('contacts').set(values).where('id', '=', id).execute();
    else await trx.insertInto('contacts').values({ ...values, id, created_at: now, deleted_at: null }).execute();
    await trx.deleteFrom('contact_channels').where('contact_id', '=', id).execute();
    if (input.channels.length) {
      await trx
        .insertInto('contact_channels')
        .values(input.channels.map((ch, i) => ({ id: newId(), contact_id: id, kind: ch.kind, value: ch.value, value_normalized: normalizeChannel(ch.kind, ch.value), label: ch.label, sort: i })))
        .execute();
    }
  }

  async function setDeleted(ids: string[], deletedAt: number | null): Promise<number> {
    const count = await db.transaction().execute(async (trx) => {
      const changed: string[] = [];
      // A chunk per statement (SQLite binds at most 32,766 values), all in this one transaction.
      for (const part of idChunks(ids)) {
        const rows = await trx
          .updateTable('customers')
          .set({ deleted_at: deletedAt, updated_at: clock.now(), ...(deletedAt === null ? { merged_into_id: null } : {}) })
          .where('id', 'in', part)
          .where('deleted_at', deletedAt === null ? 'is not' : 'is', null)
          .returning('id')
          .execute();
        for (const row of rows) changed.push(row.id);
      }
      // Only customers that went into or out of the trash have a different index entry.
      await reindexCustomers(trx, changed);
      return changed.length;
    });
    emit('data.changed', { entities: ['customers'] });
    return count;
  }

  async function insertCustomer(trx: Tx, input: CustomerInput): Promise<string> {
    const id = newId();
    await checkReferences(trx, input);
    const seq = await nextSeq(trx, input.regionCode);
    const now = clock.now();
    await trx
      .insertInto('customers')
      .values({
        id,
        ...profileColumns(input),
        code: formatCustomerCode(input.regionCode, seq, input.grade),
        region_code: input.regionCode,
        seq,
        last_contacted_at: null,
        due_at: null,
        merged_into_id: null,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })
      .execute();
    await writeTagsAndFields(trx, id, input);
    await reindexCustomers(trx, [id]);
    return id;
  }

  async function insertContact(trx: Tx, input: ContactInput): Promise<string> {
    const id = newId();
    await assertLiveCustomer(trx, input.customerId);
    await writeContact(trx, input, id, false);
    await reindexCustomers(trx, [input.customerId]);
    return id;
  }

  const handlers: Pick<Handlers, CustomerHandlerKeys> = {
    'customers.list': (q) => listCustomers(db, q, clock.now()),
    'customers.get': ({ id }) => getDetail(id),
    'customers.create': async (input) => {
      const id = await db.transaction().execute((trx) => insertCustomer(trx, input));
      emit('data.changed', { entities: ['customers', 'tags'] });
      return getDetail(id);
    },
    'customers.update': async (input) => {
      await db.transaction().execute(async (trx) => {
        const current = await trx.selectFrom('customers').select(['region_code', 'seq']).where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!current) fail('notFound', 'errors.customerNotFound', { id: input.id });
        await checkReferences(trx, input);
        // A new region takes the next number there; the old code is never handed out again.
        const seq = current.region_code === input.regionCode ? current.seq : await nextSeq(trx, input.regionCode);
        await trx
          .updateTable('customers')
          .set({ ...profileColumns(input), region_code: input.regionCode, seq, code: formatCustomerCode(input.regionCode, seq, input.grade), updated_at: clock.now() })
          .where('id', '=', input.id)
          .execute();
        await writeTagsAndFields(trx, input.id, input);
        await reindexCustomers(trx, [input.id]);
      });
      emit('data.changed', { entities: ['customers', 'tags'] });
      return getDetail(input.id);
    },
    'customers.remove': async ({ ids }) => ({ count: await setDeleted(ids, clock.now()) }),
    'customers.restore': async ({ ids }) => ({ count: await setDeleted(ids, null) }),
    'customers.listTrash': async ({ offset, limit }) => {
      const rows = await selectCustomerRows(db).where('c.deleted_at', 'is not', null).orderBy('c.deleted_at', 'desc').limit(limit).offset(offset).execute();
      const total = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is not', null).executeTakeFirstOrThrow();
      return { total: Number(total.n), rows: rows.map(toCustomerRow) };
    },
    'customers.transfer': async ({ ids, toOwnerId }) => {
      const count = await db.transaction().execute(async (trx) => {
        if (toOwnerId) {
          const owner = await trx.selectFrom('owners').select('id').where('id', '=', toOwnerId).executeTakeFirst();
          if (!owner) fail('notFound', 'errors.ownerNotFound', { id: toOwnerId }, [{ path: 'toOwnerId', message: 'errors.ownerNotFound', params: { id: toOwnerId } }]);
        }
        let updated = 0;
        for (const part of idChunks(ids)) {
          const res = await trx.updateTable('customers').set({ owner_id: toOwnerId, updated_at: clock.now() }).where('id', 'in', part).where('deleted_at', 'is', null).executeTakeFirst();
          updated += Number(res.numUpdatedRows);
        }
        return updated;
      });
      emit('data.changed', { entities: ['customers', 'owners'] });
      return { count };
    },
    'customers.checkDuplicates': (candidate) => checkDuplicates(db, candidate),
    'customers.findDuplicates': (page) => findDuplicateGroups(db, page),
    'customers.dismissDuplicates': async ({ ids }) => {
      const count = await db.transaction().execute((trx) => dismissDuplicates(trx, ids, clock.now()));
      emit('data.changed', { entities: ['customers'] });
      return { count };
    },
    'customers.restoreDuplicates': async ({ ids }) => {
      const count = await db.transaction().execute((trx) => restoreDuplicates(trx, ids));
      emit('data.changed', { entities: ['customers'] });
      return { count };
    },
    'customers.merge': async ({ targetId, sourceIds }) => {
      await db.transaction().execute((trx) => mergeCustomers(trx, targetId, sourceIds, clock.now()));
      emit('data.changed', { entities: ['customers', 'contacts', 'activities', 'tags'] });
      return getDetail(targetId);
    },

    'contacts.create': async (input) => {
      const id = await db.transaction().execute((trx) => insertContact(trx, input));
      emit('data.changed', { entities: ['contacts', 'customers'] });
      return (await loadContacts(input.customerId, id))[0]!;
    },
    'contacts.update': async (input) => {
      await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('contacts').select('customer_id').where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) fail('notFound', 'errors.contactNotFound', { id: input.id });
        await assertLiveCustomer(trx, input.customerId);
        await writeContact(trx, input, input.id, true);
        // A contact moved to another customer leaves the old one's index too.
        await reindexCustomers(trx, [row.customer_id, input.customerId]);
      });
      emit('data.changed', { entities: ['contacts', 'customers'] });
      return (await loadContacts(input.customerId, input.id))[0]!;
    },
    'contacts.remove': async ({ id }) => {
      const count = await db.transaction().execute(async (trx) => {
        const row = await trx.selectFrom('contacts').select('customer_id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
        if (!row) return 0;
        await trx.updateTable('contacts').set({ deleted_at: clock.now(), is_primary: 0 }).where('id', '=', id).execute();
        await reindexCustomers(trx, [row.customer_id]);
        return 1;
      });
      emit('data.changed', { entities: ['contacts', 'customers'] });
      return { count };
    },
  };
  return { handlers, writes: { insertCustomer, insertContact, getDetail } };
}
