import type { Tx } from '../../../../db/database.ts';
import { reindexCustomers } from '../../customers/customer-index.queries.ts';
import {
  contactRowRecords,
  deleteChannelsForUndo,
  deleteContactsForUndo,
  deleteCustomersForUndo,
  deleteTagLinksForUndo,
  deleteUnusedTags,
  revertFilledField,
} from './contact-import.queries.ts';
import type { ContactRowAdditions } from './contact-import.options.ts';
import { deleteFieldValuesForUndo, deleteUnusedFields } from './contact-custom-fields.queries.ts';

const PAGE = 5000;

/**
 * Takes back everything a contact batch did, from its rows' records: the customers it created
 * (with their contacts, channels, tags and filing, by the database's cascades), the contacts and
 * channels it added to customers that were there, the tags it linked and made, the fields it
 * filled — each put back to its value before, unless the user changed it since — and the custom
 * field values it added (again unless changed since) and the custom fields it made that no
 * customer holds a value of any more. Customers that were there are reindexed, so search,
 * company domains and mail filing are as before.
 */
export async function undoContactBatch(trx: Tx, batchId: string, now: number): Promise<void> {
  const createdCustomers: string[] = [];
  const createdContacts: string[] = [];
  const channels: string[] = [];
  const links: Array<{ customerId: string; tagId: string }> = [];
  const createdTags: string[] = [];
  const filled: Array<{ customerId: string } & ContactRowAdditions['filled'][number]> = [];
  const fieldValues: Array<{ customerId: string; fieldId: string; written: string }> = [];
  const createdFields: string[] = [];
  const kept = new Set<string>();
  for (let after = 0; ; ) {
    const page = await contactRowRecords(trx, batchId, after, PAGE);
    if (page.length === 0) break;
    after = page.at(-1)!.seq;
    for (const r of page) {
      if (r.created_customer && r.customer_id) createdCustomers.push(r.customer_id);
      else if (r.customer_id && r.action === 'merged') kept.add(r.customer_id);
      if (r.created_contact && r.contact_id && !r.created_customer) createdContacts.push(r.contact_id);
      if (!r.added) continue;
      const added = JSON.parse(r.added) as ContactRowAdditions;
      channels.push(...added.channels);
      createdTags.push(...added.createdTags);
      createdFields.push(...(added.createdFields ?? []));
      if (r.customer_id) {
        const customerId = r.customer_id;
        links.push(...added.tagLinks.map((tagId) => ({ customerId, tagId })));
        filled.push(...added.filled.map((f) => ({ customerId, ...f })));
        fieldValues.push(...(added.fieldValues ?? []).map((f) => ({ customerId, ...f })));
      }
    }
  }
  // Latest first: a field two rows filled in turn goes back to what the first found.
  for (const f of filled.reverse()) await revertFilledField(trx, f.customerId, f.field, f.before, f.written, now);
  await deleteFieldValuesForUndo(trx, fieldValues);
  await deleteChannelsForUndo(trx, channels);
  await deleteContactsForUndo(trx, createdContacts);
  await deleteTagLinksForUndo(trx, links);
  await deleteCustomersForUndo(trx, createdCustomers);
  await deleteUnusedTags(trx, createdTags);
  // A field the import made goes with its last value; one that another import or the user gave a
  // value since stays, since removing the definition would take that value with it.
  await deleteUnusedFields(trx, createdFields);
  for (const id of createdCustomers) kept.delete(id);
  await reindexCustomers(trx, [...kept]);
}
