import type { Db, Tx } from '../../../../db/database.ts';
import { MAX_CUSTOM_FIELDS } from '../../../../shared/contract/customers.contract.ts';
import type { ContactRowAction } from '../../../../shared/contract/imports.contract.ts';
import { customFieldLabelKey } from '../../../../shared/domain/custom-field-label.ts';
import type { Clock } from '../../core/clock.ts';
import type { FaultPoint } from '../../core/fault-point.ts';
import { insertChannelRows, insertContactRows, normalizeChannel } from '../../customers/contact.queries.ts';
import { reindexCustomers } from '../../customers/customer-index.queries.ts';
import { addCustomerTags, insertCustomerRows, takeSeqRange } from '../../customers/customer.queries.ts';
import { openContactFile } from '../contacts/contact-file.reader.ts';
import type { ColumnTarget } from '../contacts/header-mapping.ts';
import { importBatch, insertImportProblems, type ImportBatchRow } from '../mail-import/mail-import.queries.ts';
import { advanceContactBatch, fillCustomerFields, insertContactRowRecords, mergeTargets, ownerIdsByName, regionCodes, useMemoryTempStore } from './contact-import.queries.ts';
import { type ChunkPlan, planChunk, type PlanContext } from './contact-chunk-plan.ts';
import { heldFieldValues, insertCustomFieldValues } from './contact-custom-fields.queries.ts';
import { resolveImportFields, type ImportFields, type ResolvedFields } from './contact-custom-fields.ts';
import { matchRows } from './contact-matching.ts';
import type { ContactImportOptions } from './contact-import.options.ts';
import { contactRows, type SeqRow } from './contact-rows.ts';

/**
 * One run of a contact import: streams the sheet's rows from the batch's checkpoint on and
 * commits them 2,000 at a time — the customers, contacts, channels and tags, each row's record
 * (what undo takes back), its problems and the checkpoint in one transaction — so memory stays
 * flat whatever the sheet's size, and a crash or a quit resumes after the last committed row
 * without doing a row twice. Columns mapped to custom fields find or make their fields in the
 * chunk that first meets a value of theirs (contact-custom-fields.ts). Writes are set-wise (a multi-row insert per table per chunk) through
 * the customers' own queries, and reindexCustomers keeps search, company domains and mail filing
 * right for every customer the chunk touched. The rows are read and normalised on a worker thread
 * (contact-rows.ts) while the chunk before is written.
 */

const CHUNK_ROWS = 2000;

export interface ContactImportEnv {
  db: Db;
  clock: Clock;
  /** After each committed chunk, with the batch row as committed. */
  committed(batch: ImportBatchRow): void;
  faultPoint(point: FaultPoint): void;
}

/** The custom field values a chunk writes: created customers' and those merges add, as stored JSON. */
function planFieldValues(plan: ChunkPlan): Array<{ customer_id: string; field_id: string; value: string }> {
  return [
    ...plan.customers.flatMap((c) =>
      Object.entries(c.input.customFields)
        .filter((e): e is [string, string | number] => e[1] !== null)
        .map(([field_id, v]) => ({ customer_id: c.id, field_id, value: JSON.stringify(v) })),
    ),
    ...plan.rows.flatMap((r) => r.additions.fieldValues.map((f) => ({ customer_id: r.customerId!, field_id: f.fieldId, value: f.written }))),
  ];
}

async function writePlan(trx: Tx, batchId: string, plan: ChunkPlan, createdFields: readonly string[], now: number): Promise<void> {
  const byRegion = new Map<string, Array<(typeof plan.customers)[number]>>();
  for (const c of plan.customers) {
    const list = byRegion.get(c.input.regionCode);
    if (list) list.push(c);
    else byRegion.set(c.input.regionCode, [c]);
  }
  const rows: Array<{ id: string; input: (typeof plan.customers)[number]['input']; seq: number }> = [];
  for (const [region, customers] of byRegion) {
    const first = (await takeSeqRange(trx, region, customers.length))!;
    customers.forEach((c, i) => rows.push({ ...c, seq: first + i }));
  }
  await insertCustomerRows(trx, rows, now);
  await insertContactRows(trx, plan.contacts, now);
  await insertChannelRows(trx, plan.channels);
  for (const [customerId, values] of plan.fills) await fillCustomerFields(trx, customerId, values, now);
  await insertCustomFieldValues(trx, planFieldValues(plan));
  const tagWants = [
    ...plan.customers.filter((c) => (c.input.tags ?? []).length > 0).map((c) => ({ customerId: c.id, names: c.input.tags ?? [], seq: -1 })),
    ...plan.rows.filter((r) => r.additions.tags.length > 0).map((r) => ({ customerId: r.customerId!, names: r.additions.tags, seq: r.seq })),
  ];
  const tags = await addCustomerTags(trx, tagWants, now);
  // Links a merge added are its row's (a created customer's go with it).
  const unclaimed = new Map<string, string[]>();
  for (const l of tags.links) unclaimed.set(l.customer_id, [...(unclaimed.get(l.customer_id) ?? []), l.tag_id]);
  const records = plan.rows.map((r, i) => {
    const tagLinks = r.action === 'merged' && r.additions.tags.length > 0 && r.customerId && !r.createdCustomer ? (unclaimed.get(r.customerId) ?? []) : [];
    if (tagLinks.length > 0) unclaimed.delete(r.customerId!);
    // Tags and custom fields made new are the chunk's first row's.
    const createdTags = i === 0 ? [...tags.createdTagIds.values()] : [];
    const made = i === 0 ? [...createdFields] : [];
    const added = { channels: r.additions.channels, filled: r.additions.filled, tagLinks, createdTags, fieldValues: r.additions.fieldValues, createdFields: made };
    const empty = added.channels.length + added.filled.length + tagLinks.length + createdTags.length + added.fieldValues.length + made.length === 0;
    return {
      batch_id: batchId,
      seq: r.seq,
      row_number: r.row.rowNumber,
      action: r.action,
      customer_id: r.customerId,
      contact_id: r.contactId,
      created_customer: r.createdCustomer ? (1 as const) : (0 as const),
      created_contact: r.createdContact ? (1 as const) : (0 as const),
      added: empty ? null : JSON.stringify(added),
    };
  });
  await reindexCustomers(trx, [...plan.touched]);
  await insertContactRowRecords(trx, records);
}

/**
 * One chunk in its transaction: its custom fields found or made, its rows matched, planned and
 * written with their records and problems, and the checkpoint moved. Returns the fields known so far.
 */
async function commitChunk(trx: Tx, batchId: string, rows: readonly SeqRow[], ctx: PlanContext, now: number): Promise<ImportFields> {
  // Rows that will be skipped make no field: it would stay empty.
  const importable = rows.filter((r) => ctx.decisions.get(r.row.rowNumber) !== 'skip' && !r.row.problems.some((p) => p.severity === 'error'));
  const resolved = await resolveImportFields(trx, importable.flatMap((r) => r.row.contact.customFields.map((f) => f.label)), ctx.customFields, now);
  const keys = rows.map((r) => r.keys);
  const matches = await matchRows(trx, keys);
  const matched = [...new Set(matches.filter((m) => m !== null).map((m) => m.customerId))];
  const targets = { ...(await mergeTargets(trx, matched)), fieldValues: await heldFieldValues(trx, matched) };
  const plan = planChunk(rows, keys, matches, targets, { ...ctx, customFields: resolved.fields }, normalizeChannel);
  noteRefusedFields(plan, resolved, ctx.sheetName);
  await writePlan(trx, batchId, plan, resolved.created, now);
  const label = (row: number) => JSON.stringify({ key: 'contactImport.batch.rowLabel', params: { sheet: ctx.sheetName, row } });
  const problems = plan.rows.flatMap((r) => r.problems.map((p) => ({ code: p.code, params: JSON.stringify(p.params), label: label(r.row.rowNumber), folder: '[]' })));
  for (let i = 0; i < problems.length; i += 4000) await insertImportProblems(trx, batchId, problems.slice(i, i + 4000));
  await advanceContactBatch(
    trx,
    {
      id: batchId,
      checkpoint: rows.at(-1)!.seq,
      rows: rows.length,
      customers: plan.customers.length,
      contacts: plan.rows.filter((r) => r.createdContact).length,
      merged: plan.rows.filter((r) => r.action === 'merged').length,
      skipped: plan.rows.filter((r) => r.action === 'skipped').length,
      problems: problems.length,
      bytesDone: 0,
    },
    now,
  );
  return resolved.fields;
}

/** A label that could not become a field is reported once, on the first row holding a value of it (its values went to notes). */
function noteRefusedFields(plan: ChunkPlan, resolved: ResolvedFields, sheet: string): void {
  for (const label of resolved.refused) {
    const key = customFieldLabelKey(label);
    const first = plan.rows.find((r) => r.row.contact.customFields.some((f) => customFieldLabelKey(f.label) === key));
    first?.problems.push({ code: 'customFieldLimit', severity: 'warning', message: 'contactImport.batch.customFieldLimit', params: { sheet, row: first.row.rowNumber, label, max: MAX_CUSTOM_FIELDS } });
  }
}

/** Runs the import until the sheet ends; throws on what stops it (a full disk, an unreadable file). */
export async function runContactImport(env: ContactImportEnv, batchId: string, signal?: AbortSignal): Promise<void> {
  const { db, clock } = env;
  const batch = await importBatch(db, batchId);
  if (!batch || !batch.options) throw new Error(`no contact import ${batchId} to run`);
  const options = JSON.parse(batch.options) as ContactImportOptions;
  const open = { ...(options.encoding ? { encoding: options.encoding } : {}), ...(options.delimiter ? { delimiter: options.delimiter } : {}) };
  // Here for the sheet's name and to fail early; the rows are read by contactRows.
  const file = await openContactFile(batch.source_path, open);
  const sheet = file.sheets[options.sheet];
  if (!sheet) throw new Error(`sheet ${options.sheet} is gone from ${batch.source_path}`);
  const ctx: Omit<PlanContext, 'customFields'> = {
    regions: await regionCodes(db),
    owners: await ownerIdsByName(db),
    defaultOwnerId: batch.owner_id,
    decisions: new Map<number, ContactRowAction>(options.decisions.map((d) => [d.rowNumber, d.action])),
    sheetName: sheet.name,
  };
  const targets: ColumnTarget[] = options.mapping;
  const done = Number(batch.checkpoint ?? 0);
  const pending: SeqRow[] = [];
  let chunks = 0;
  let fields: ImportFields = new Map();
  const flush = async () => {
    if (pending.length === 0) return;
    // A chunk is CHUNK_ROWS rows exactly, however the rows arrive: its end is the checkpoint.
    const rows = pending.splice(0, CHUNK_ROWS);
    // Known only once committed: a chunk rolled back made no fields.
    fields = await db.transaction().execute((trx) => commitChunk(trx, batchId, rows, { ...ctx, customFields: fields }, clock.now()));
    env.faultPoint(`import:contacts-committed:${++chunks}`);
    const row = await importBatch(db, batchId);
    if (row) env.committed(row);
    // A chunk runs as one chain of promise jobs: without a turn of the event loop here, a call
    // that came in meanwhile (a screen's customers.list over IPC) waits for the whole import.
    await new Promise((resolve) => setImmediate(resolve));
  };
  const tempStore = await useMemoryTempStore(db, 'memory');
  try {
    for await (const rows of contactRows({ path: batch.source_path, open, sheet: sheet.index, targets, after: done })) {
      pending.push(...rows);
      while (pending.length >= CHUNK_ROWS) {
        await flush();
        if (signal?.aborted) return;
      }
    }
    await flush();
  } finally {
    await useMemoryTempStore(db, tempStore);
  }
}

