import type { ParsedInput } from '../../../../shared/contract/contract.ts';
import type { ContactRowAction } from '../../../../shared/contract/imports.contract.ts';
import { defaultRegionForCountry } from '../../../../shared/domain/customer-code.ts';
import { newId } from '../../core/ids.ts';
import type { NewChannelRow, NewContactRow } from '../../customers/contact.queries.ts';
import type { NormalisedRow, ParsedContact } from '../contacts/contact-row.ts';
import type { ImportProblem } from '../contacts/import-problems.ts';
import { rowFieldValues, type ImportFields, type RowFieldValue } from './contact-custom-fields.ts';
import type { FillableField, mergeTargets } from './contact-import.queries.ts';
import { ChunkRegistry, type Match, type MatchKeys } from './contact-matching.ts';

/**
 * What a chunk of rows will write, worked out in memory from the rows, their matches and what
 * the matched customers hold: customers and contacts to create, channels, fields and tags to add
 * to those that were there, and for each row the record undo reads.
 */

type CustomerInput = ParsedInput<'customers.create'>;

/** A reader's problem, or one of the import's own (code unknownOwner, text under contactImport.batch). */
export type RowProblem = Omit<ImportProblem, 'code'> & { code: string };

export interface RowAdditions {
  channels: string[];
  /** Fields of a customer that was there: the value before and the value written. */
  filled: Array<{ field: FillableField; before: string | null; written: string }>;
  /** Tag names added to the customer (resolved to links and created tags when written). */
  tags: string[];
  /** Custom field values added to a customer that was there (it held none for the field): `written` is the stored JSON. */
  fieldValues: Array<{ fieldId: string; written: string }>;
}

export interface PlannedRow {
  seq: number;
  row: NormalisedRow;
  action: 'created' | 'merged' | 'skipped';
  customerId: string | null;
  contactId: string | null;
  createdCustomer: boolean;
  createdContact: boolean;
  additions: RowAdditions;
  problems: RowProblem[];
}

export interface ChunkPlan {
  rows: PlannedRow[];
  customers: Array<{ id: string; input: CustomerInput }>;
  contacts: NewContactRow[];
  channels: NewChannelRow[];
  fills: Map<string, Partial<Record<FillableField, string>>>;
  /** Every customer whose contacts, channels or fields change: reindexed (and its mail refiled) with the chunk; a merge that adds nothing touches none. */
  touched: Set<string>;
}

export interface PlanContext {
  regions: ReadonlySet<string>;
  owners: ReadonlyMap<string, string>;
  defaultOwnerId: string | null;
  decisions: ReadonlyMap<number, ContactRowAction>;
  sheetName: string;
  /** The custom fields of the chunk's labels (resolveImportFields). */
  customFields: ImportFields;
}

type Targets = Awaited<ReturnType<typeof mergeTargets>> & {
  /** The custom field values the matched customers hold (stored JSON). */
  fieldValues: ReadonlyArray<{ customer_id: string; field_id: string; value: string }>;
};

const MAX_NOTES = 5000;
const hasError = (row: NormalisedRow) => row.problems.some((p) => p.severity === 'error');

/** The action the preview proposes: skip what cannot be imported, merge what matches, create the rest. */
export function proposedAction(row: NormalisedRow, match: Match | null): ContactRowAction {
  if (hasError(row)) return 'skip';
  return match ? 'merge' : 'create';
}

/** Custom columns that fit no custom field (rowFieldValues) and text that did not fit where it was mapped, kept as lines of the customer's notes so nothing read is lost. */
export function extraNotes(c: ParsedContact, customNotes: readonly string[]): string[] {
  return [...customNotes, ...c.unresolved.map((u) => `${u.header || u.column}: ${u.value}`)];
}

function customerNotes(c: ParsedContact, customNotes: readonly string[]): string | null {
  const text = [c.company.notes, ...extraNotes(c, customNotes)].filter(Boolean).join('\n');
  return text ? text.slice(0, MAX_NOTES) : null;
}

function customerInput(c: ParsedContact, ctx: PlanContext, problems: RowProblem[], rowNumber: number, sheet: string): CustomerInput {
  const custom = rowFieldValues(c, ctx.customFields);
  const email = c.contact.channels.find((ch) => ch.kind === 'email')?.value ?? null;
  const name = (c.company.name ?? c.company.localName ?? c.contact.name ?? email ?? '').slice(0, 200);
  const region = defaultRegionForCountry(c.company.country);
  let ownerId = ctx.defaultOwnerId;
  if (c.company.ownerName) {
    const found = ctx.owners.get(c.company.ownerName.trim().toLowerCase());
    if (found) ownerId = found;
    else problems.push({ code: 'unknownOwner', severity: 'warning', message: 'contactImport.batch.unknownOwner', params: { sheet, row: rowNumber, value: c.company.ownerName } });
  }
  return {
    name,
    localName: c.company.name ? c.company.localName : null,
    regionCode: ctx.regions.has(region) ? region : 'OT',
    country: c.company.country,
    website: c.company.website,
    address: c.company.address,
    phone: null,
    grade: c.company.grade ?? 'C',
    stage: c.company.stage ?? 'potential',
    source: c.company.source,
    ownerId,
    personality: null,
    notes: customerNotes(c, custom.notes),
    tags: c.company.tags,
    customFields: Object.fromEntries([...custom.values].map(([id, v]) => [id, v.value])),
  };
}

const channelKey = (kind: string, normalized: string) => `${kind}\u0000${normalized}`;

/** What one chunk's planning knows as it goes: the matched customers' fields, contacts and channels, and what the chunk made. */
class ChunkPlanner {
  readonly plan: ChunkPlan = { rows: [], customers: [], contacts: [], channels: [], fills: new Map(), touched: new Set() };
  private readonly registry = new ChunkRegistry();
  private readonly fields: Map<string, Targets['customers'][number]>;
  private readonly newCustomers = new Map<string, CustomerInput>();
  private readonly contactsOf = new Map<string, Array<{ id: string; name: string }>>();
  private readonly channelsOf = new Map<string, { keys: Set<string>; sort: number }>();
  /** Per customer that was there, the stored JSON of the fields it holds a value for (what a merge must not overwrite). */
  private readonly heldFields = new Map<string, Map<string, string>>();
  private readonly ctx: PlanContext;
  private readonly normalize: (kind: string, value: string) => string;

  constructor(targets: Targets, ctx: PlanContext, normalize: (kind: string, value: string) => string) {
    this.ctx = ctx;
    this.normalize = normalize;
    this.fields = new Map(targets.customers.map((c) => [c.id, { ...c }]));
    for (const ct of targets.contacts) this.contactList(ct.customer_id).push({ id: ct.id, name: ct.name });
    for (const ch of targets.channels) {
      const entry = this.channelEntry(ch.contact_id);
      entry.keys.add(channelKey(ch.kind, ch.value_normalized));
      entry.sort = Math.max(entry.sort, ch.sort);
    }
    for (const v of targets.fieldValues) this.held(v.customer_id).set(v.field_id, v.value);
  }

  private held(customerId: string): Map<string, string> {
    let held = this.heldFields.get(customerId);
    if (!held) this.heldFields.set(customerId, (held = new Map<string, string>()));
    return held;
  }

  private contactList(customerId: string): Array<{ id: string; name: string }> {
    let list = this.contactsOf.get(customerId);
    if (!list) this.contactsOf.set(customerId, (list = []));
    return list;
  }

  private channelEntry(contactId: string): { keys: Set<string>; sort: number } {
    let entry = this.channelsOf.get(contactId);
    if (!entry) this.channelsOf.set(contactId, (entry = { keys: new Set<string>(), sort: -1 }));
    return entry;
  }

  /** Adds the row's channels a contact lacks (at most the contract's 30 per contact); returns the new channels' ids. */
  private addChannels(contactId: string, c: ParsedContact): string[] {
    const entry = this.channelEntry(contactId);
    const added: string[] = [];
    for (const ch of c.contact.channels) {
      const key = channelKey(ch.kind, this.normalize(ch.kind, ch.value));
      if (entry.keys.has(key) || entry.keys.size >= 30) continue;
      entry.keys.add(key);
      const id = newId();
      this.plan.channels.push({ id, contactId, kind: ch.kind, value: ch.value, sort: ++entry.sort });
      added.push(id);
    }
    return added;
  }

  /** A new contact for the row, named by its person, else its email's name, else its company; null when it names nobody. */
  private newContact(customerId: string, c: ParsedContact, keys: MatchKeys, isPrimary: boolean): string | null {
    const email = c.contact.channels.find((ch) => ch.kind === 'email')?.value;
    const name = (c.contact.name ?? email?.split('@')[0] ?? (c.contact.channels.length > 0 ? c.company.name : null))?.slice(0, 100);
    if (!name) return null;
    const id = newId();
    this.plan.contacts.push({ id, customerId, name, title: c.contact.title, isPrimary, notes: c.contact.notes });
    this.contactList(customerId).push({ id, name });
    this.addChannels(id, c);
    this.registry.addContact(customerId, id, name, keys.emails);
    return id;
  }

  /**
   * The fields a customer lacks get the row's values (returned by field id, and marked held);
   * a value differing from the one it holds is kept as a notes line instead.
   */
  private fillCustomFields(held: Map<string, string>, values: ReadonlyMap<string, RowFieldValue>, notes: string[]): Array<[string, RowFieldValue]> {
    const filled: Array<[string, RowFieldValue]> = [];
    for (const [fieldId, v] of values) {
      const had = held.get(fieldId);
      if (had === undefined) {
        held.set(fieldId, v.json);
        filled.push([fieldId, v]);
      } else if (had !== v.json) notes.push(v.line);
    }
    return filled;
  }

  row(seq: number, row: NormalisedRow, keys: MatchKeys, dbMatch: Match | null): void {
    const match = this.registry.match(keys) ?? dbMatch;
    let action = this.ctx.decisions.get(row.rowNumber) ?? proposedAction(row, match);
    if (hasError(row)) action = 'skip';
    if (action === 'merge' && !match) action = 'create';
    const planned: PlannedRow = {
      seq,
      row,
      action: 'skipped',
      customerId: null,
      contactId: null,
      createdCustomer: false,
      createdContact: false,
      additions: { channels: [], filled: [], tags: [], fieldValues: [] },
      problems: [...row.problems],
    };
    this.plan.rows.push(planned);
    if (action === 'create') this.create(planned, keys);
    else if (action === 'merge') this.merge(planned, keys, match!);
  }

  private create(planned: PlannedRow, keys: MatchKeys): void {
    const c = planned.row.contact;
    const id = newId();
    const input = customerInput(c, this.ctx, planned.problems, planned.row.rowNumber, this.ctx.sheetName);
    this.plan.customers.push({ id, input });
    this.newCustomers.set(id, input);
    this.registry.addCustomer(id, '', input.name, keys);
    Object.assign(planned, { action: 'created', customerId: id, createdCustomer: true });
    planned.contactId = this.newContact(id, c, keys, true);
    planned.createdContact = planned.contactId !== null;
    this.plan.touched.add(id);
  }

  /** Into the contact the row's email found, else the customer's contact of the same name, else a new contact of that customer. */
  private merge(planned: PlannedRow, keys: MatchKeys, target: Match): void {
    const c = planned.row.contact;
    this.registry.knows(target.customerId, target.customerCode, target.customerName);
    Object.assign(planned, { action: 'merged', customerId: target.customerId });
    const wantedName = c.contact.name?.trim().toLowerCase();
    const existing = target.contactId ?? (wantedName ? this.contactList(target.customerId).find((ct) => ct.name.trim().toLowerCase() === wantedName)?.id : undefined);
    if (existing) {
      planned.contactId = existing;
      planned.additions.channels = this.addChannels(existing, c);
      this.registry.addContact(target.customerId, existing, c.contact.name ?? '', keys.emails);
    } else if (c.contact.name || c.contact.channels.length > 0) {
      planned.contactId = this.newContact(target.customerId, c, keys, this.contactList(target.customerId).length === 0);
      planned.createdContact = planned.contactId !== null;
    }
    const made = this.newCustomers.get(target.customerId);
    if (made) {
      // Made earlier in this chunk: not written yet, so the row's tags and custom values join its insert.
      made.tags = [...new Set([...(made.tags ?? []), ...c.company.tags])].slice(0, 50);
      const { values, notes } = rowFieldValues(c, this.ctx.customFields);
      const held = new Map(Object.entries(made.customFields).map(([id, v]) => [id, JSON.stringify(v)]));
      for (const [fieldId, v] of this.fillCustomFields(held, values, notes)) made.customFields[fieldId] = v.value;
      made.notes = appendNotes(made.notes ?? null, notes);
      return;
    }
    planned.additions.tags = c.company.tags;
    const { values, notes } = rowFieldValues(c, this.ctx.customFields);
    planned.additions.fieldValues = this.fillCustomFields(this.held(target.customerId), values, notes).map(([fieldId, v]) => ({ fieldId, written: v.json }));
    fillFields(this.plan, planned, this.fields.get(target.customerId), c, notes);
    const { additions } = planned;
    if (planned.createdContact || additions.channels.length + additions.filled.length + additions.fieldValues.length > 0) this.plan.touched.add(target.customerId);
  }
}

/** The notes with the lines they do not hold yet, within the contract's length. */
function appendNotes(notes: string | null, lines: readonly string[]): string | null {
  const extra = lines.filter((l) => !(notes ?? '').includes(l));
  return extra.length === 0 ? notes : [notes, ...extra].filter(Boolean).join('\n').slice(0, MAX_NOTES);
}

/** Plans one chunk. `matches` are the database's, by row; rows matching a customer made earlier in the chunk merge into it. */
export function planChunk(
  rows: ReadonlyArray<{ seq: number; row: NormalisedRow }>,
  keysOf: readonly MatchKeys[],
  matches: ReadonlyArray<Match | null>,
  targets: Targets,
  ctx: PlanContext,
  normalize: (kind: string, value: string) => string,
): ChunkPlan {
  const planner = new ChunkPlanner(targets, ctx, normalize);
  rows.forEach(({ seq, row }, i) => planner.row(seq, row, keysOf[i]!, matches[i] ?? null));
  return planner.plan;
}

/** Fills a customer's empty fields from the row, and adds the row's leftovers to its notes. */
function fillFields(plan: ChunkPlan, planned: PlannedRow, current: Targets['customers'][number] | undefined, c: ParsedContact, customNotes: readonly string[]): void {
  if (!current) return;
  const wanted: Partial<Record<FillableField, string | null>> = { local_name: c.company.localName, country: c.company.country, website: c.company.website, address: c.company.address };
  const fills = plan.fills.get(current.id) ?? {};
  for (const [field, value] of Object.entries(wanted) as Array<[FillableField, string | null]>) {
    if (!value || current[field]) continue;
    planned.additions.filled.push({ field, before: current[field], written: value });
    current[field] = value;
    fills[field] = value;
  }
  const extra = [c.company.notes, ...extraNotes(c, customNotes)].filter((t): t is string => !!t && !(current.notes ?? '').includes(t));
  if (extra.length > 0) {
    const written = [current.notes, ...extra].filter(Boolean).join('\n').slice(0, MAX_NOTES);
    if (written !== current.notes) {
      planned.additions.filled.push({ field: 'notes', before: current.notes, written });
      current.notes = written;
      fills.notes = written;
    }
  }
  if (Object.keys(fills).length > 0) plan.fills.set(current.id, fills);
}
