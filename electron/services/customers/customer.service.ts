import type { Db, Tx } from '../../../db/database.ts';
import type { ParsedInput } from '../../../shared/contract/contract.ts';
import type { CustomerDetail } from '../../../shared/contract/customers.contract.ts';
import { fail, type FieldError } from '../../../shared/contract/result.ts';
import type { Handlers } from '../core/dispatcher.ts';
import { idChunks } from '../core/id-chunks.ts';
import { newId } from '../core/ids.ts';
import type { ServiceDeps } from '../core/service-deps.ts';
import { listContacts, liveContactCustomer, softDeleteContact, writeContact } from './contact.queries.ts';
import { reindexCustomers } from './customer-index.queries.ts';
import { listCustomers } from './customer-list.query.ts';
import { toCustomerRow } from './customer-rows.queries.ts';
import {
  customerDetailRow,
  customerDomains,
  customFieldValues,
  domainConflicts,
  insertCustomerRow,
  listTrash,
  liveCustomerById,
  liveFieldDefs,
  ownerExists,
  setCustomersDeleted,
  takeNextSeq,
  transferCustomers,
  updateCustomerRow,
  writeTagsAndFields,
} from './customer.queries.ts';
import { checkDuplicates, dismissDuplicates, findDuplicateGroups, restoreDuplicates } from './duplicates.ts';
import { mergeCustomers } from './merge.ts';

type CustomerInput = ParsedInput<'customers.create'>;
type ContactInput = ParsedInput<'contacts.create'>;

type CustomerKeys =
  | 'customers.list'
  | 'customers.get'
  | 'customers.create'
  | 'customers.update'
  | 'customers.remove'
  | 'customers.restore'
  | 'customers.listTrash'
  | 'customers.transfer';
type DuplicateKeys = 'customers.checkDuplicates' | 'customers.findDuplicates' | 'customers.dismissDuplicates' | 'customers.restoreDuplicates' | 'customers.merge';
type ContactKeys = 'contacts.create' | 'contacts.update' | 'contacts.remove';
export type CustomerHandlerKeys = CustomerKeys | DuplicateKeys | ContactKeys;

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

async function getDetail(db: Db, id: string): Promise<CustomerDetail> {
  const row = await customerDetailRow(db, id);
  if (!row) fail('notFound', 'errors.customerNotFound', { id });
  const [contacts, domains, customFields, conflicts] = await Promise.all([
    listContacts(db, id),
    customerDomains(db, id),
    customFieldValues(db, id),
    domainConflicts(db, id, row.owner_id),
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
    domains,
    contacts,
    customFields,
    conflicts,
  };
}

async function assertLiveCustomer(trx: Tx, id: string, path = 'customerId'): Promise<void> {
  const row = await liveCustomerById(trx, id);
  if (!row) fail('notFound', 'errors.customerNotFound', { id }, [{ path, message: 'errors.customerNotFound', params: { id } }]);
}

async function nextSeq(trx: Tx, regionCode: string): Promise<number> {
  const seq = await takeNextSeq(trx, regionCode);
  if (seq === undefined) fail('validation', 'errors.validation', undefined, [{ path: 'regionCode', message: 'errors.regionNotFound', params: { code: regionCode } }]);
  return seq;
}

/** The owner and custom fields must exist, and each value must fit its field's type. */
async function checkReferences(trx: Tx, input: CustomerInput): Promise<void> {
  const errors: FieldError[] = [];
  if (input.ownerId && !(await ownerExists(trx, input.ownerId))) {
    errors.push({ path: 'ownerId', message: 'errors.ownerNotFound', params: { id: input.ownerId } });
  }
  const fieldIds = Object.keys(input.customFields);
  if (fieldIds.length) {
    const defs = await liveFieldDefs(trx, fieldIds);
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

function createWrites({ db, clock }: ServiceDeps): CustomerWrites {
  return {
    async insertCustomer(trx, input) {
      await checkReferences(trx, input);
      const seq = await nextSeq(trx, input.regionCode);
      const now = clock.now();
      const id = await insertCustomerRow(trx, input, seq, now);
      await writeTagsAndFields(trx, id, input, now);
      await reindexCustomers(trx, [id]);
      return id;
    },
    async insertContact(trx, input) {
      const id = newId();
      await assertLiveCustomer(trx, input.customerId);
      await writeContact(trx, input, id, false, clock.now());
      await reindexCustomers(trx, [input.customerId]);
      return id;
    },
    getDetail: (id) => getDetail(db, id),
  };
}

/** Into the trash or out of it; only customers that moved get a new index entry. */
async function setDeleted({ db, clock, emit }: ServiceDeps, ids: string[], deletedAt: number | null): Promise<number> {
  const count = await db.transaction().execute(async (trx) => {
    const changed: string[] = [];
    // A chunk per statement, all in this one transaction.
    for (const part of idChunks(ids)) changed.push(...(await setCustomersDeleted(trx, part, deletedAt, clock.now())));
    await reindexCustomers(trx, changed);
    return changed.length;
  });
  emit('data.changed', { entities: ['customers'] });
  return count;
}

function customerHandlers(deps: ServiceDeps, writes: CustomerWrites): Pick<Handlers, CustomerKeys> {
  const { db, clock, emit } = deps;
  return {
    'customers.list': (q) => listCustomers(db, q, clock.now()),
    'customers.get': ({ id }) => getDetail(db, id),
    'customers.create': async (input) => {
      const id = await db.transaction().execute((trx) => writes.insertCustomer(trx, input));
      emit('data.changed', { entities: ['customers', 'tags'] });
      return getDetail(db, id);
    },
    'customers.update': async (input) => {
      await db.transaction().execute(async (trx) => {
        const current = await liveCustomerById(trx, input.id);
        if (!current) fail('notFound', 'errors.customerNotFound', { id: input.id });
        await checkReferences(trx, input);
        // A new region takes the next number there; the old code is never handed out again.
        const seq = current.region_code === input.regionCode ? current.seq : await nextSeq(trx, input.regionCode);
        const now = clock.now();
        await updateCustomerRow(trx, input.id, input, seq, now);
        await writeTagsAndFields(trx, input.id, input, now);
        await reindexCustomers(trx, [input.id]);
      });
      emit('data.changed', { entities: ['customers', 'tags'] });
      return getDetail(db, input.id);
    },
    'customers.remove': async ({ ids }) => ({ count: await setDeleted(deps, ids, clock.now()) }),
    'customers.restore': async ({ ids }) => ({ count: await setDeleted(deps, ids, null) }),
    'customers.listTrash': async (page) => {
      const { total, rows } = await listTrash(db, page);
      return { total, rows: rows.map(toCustomerRow) };
    },
    'customers.transfer': async ({ ids, toOwnerId }) => {
      const count = await db.transaction().execute(async (trx) => {
        if (toOwnerId && !(await ownerExists(trx, toOwnerId))) {
          fail('notFound', 'errors.ownerNotFound', { id: toOwnerId }, [{ path: 'toOwnerId', message: 'errors.ownerNotFound', params: { id: toOwnerId } }]);
        }
        let updated = 0;
        for (const part of idChunks(ids)) updated += await transferCustomers(trx, part, toOwnerId, clock.now());
        return updated;
      });
      emit('data.changed', { entities: ['customers', 'owners'] });
      return { count };
    },
  };
}

function duplicateHandlers({ db, clock, emit }: ServiceDeps): Pick<Handlers, DuplicateKeys> {
  return {
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
      return getDetail(db, targetId);
    },
  };
}

function contactHandlers({ db, clock, emit }: ServiceDeps, writes: CustomerWrites): Pick<Handlers, ContactKeys> {
  return {
    'contacts.create': async (input) => {
      const id = await db.transaction().execute((trx) => writes.insertContact(trx, input));
      emit('data.changed', { entities: ['contacts', 'customers'] });
      return (await listContacts(db, input.customerId, id))[0]!;
    },
    'contacts.update': async (input) => {
      await db.transaction().execute(async (trx) => {
        const row = await liveContactCustomer(trx, input.id);
        if (!row) fail('notFound', 'errors.contactNotFound', { id: input.id });
        await assertLiveCustomer(trx, input.customerId);
        await writeContact(trx, input, input.id, true, clock.now());
        // A contact moved to another customer leaves the old one's index too.
        await reindexCustomers(trx, [row.customer_id, input.customerId]);
      });
      emit('data.changed', { entities: ['contacts', 'customers'] });
      return (await listContacts(db, input.customerId, input.id))[0]!;
    },
    'contacts.remove': async ({ id }) => {
      const count = await db.transaction().execute(async (trx) => {
        const row = await liveContactCustomer(trx, id);
        if (!row) return 0;
        await softDeleteContact(trx, id, clock.now());
        await reindexCustomers(trx, [row.customer_id]);
        return 1;
      });
      emit('data.changed', { entities: ['contacts', 'customers'] });
      return { count };
    },
  };
}

/** Customers, their contacts and duplicates: validation and transactions here, SQL in the *.queries.ts beside. */
export function createCustomerService(deps: ServiceDeps): { handlers: Pick<Handlers, CustomerHandlerKeys>; writes: CustomerWrites } {
  const writes = createWrites(deps);
  return { handlers: { ...customerHandlers(deps, writes), ...duplicateHandlers(deps), ...contactHandlers(deps, writes) }, writes };
}
