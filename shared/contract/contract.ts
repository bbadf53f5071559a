import { z } from 'zod';
import { AppInfo, BackupEntry, PickFolderInput, PickFolderOutput, Settings, SettingsPatch } from './app.contract.ts';
import {
  Activity,
  ActivityInput,
  Contact,
  ContactInput,
  CustomerDetail,
  CustomerInput,
  CustomerPage,
  CustomerQuery,

  CustomFieldDef,
  CustomFieldDefInput,
  DuplicateCandidate,
  DuplicatePage,
  DuplicateQuery,
  DuplicateMatch,
  OverdueRow,
  Owner,
  OwnerInput,
  Region,
  RegionInput,
  Tag,
} from './customers.contract.ts';
import { exportCalls, exportEvents } from './exports.contract.ts';
import { IMPORT_DATA_ENTITIES, importCalls, importEvents } from './imports.contract.ts';
import { MAIL_DATA_ENTITIES, mailCalls, mailEvents, TimelineItem } from './mail.contract.ts';
import { mailSendCalls } from './mail-send.contract.ts';
import { EpochMs, Id, Page } from './primitives.ts';
import { searchCalls } from './search.contract.ts';
import { productCalls } from './products.contract.ts';
import { quoteCalls } from './quotes.contract.ts';
import { quoteMailCalls } from './quote-mail.contract.ts';
import { quoteDocumentCalls } from './quote-documents.contract.ts';
import { letterheadCalls } from './letterhead.contract.ts';
import { dealSummaryCalls } from './deal-summary.contract.ts';
import { sampleCalls } from './samples.contract.ts';
import { reportCalls } from './reports.contract.ts';
import { taskCalls } from './tasks.contract.ts';
import { paymentCalls } from './payments.contract.ts';
import { scoreCalls } from './scores.contract.ts';
import { todayCalls } from './today.contract.ts';

const Empty = z.object({}).default({});
const ById = z.object({ id: Id });
const ByIds = z.object({ ids: z.array(Id).min(1).max(100_000) });
const Count = z.object({ count: z.number() });

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

/**
 * The one contract between the renderer (or a browser, or the CLI) and the services.
 * Every key is `area.verbNoun`; the handler table, the client and the preload allowlist are
 * all derived from this object.
 */
export const contract = {
  'app.getInfo': call(Empty, AppInfo),
  /** The system's folder picker (the desktop app); the web host answers `supported: false` and its page takes a typed path. */
  'app.pickFolder': call(PickFolderInput, PickFolderOutput),

  'settings.get': call(Empty, Settings),
  'settings.update': call(SettingsPatch, Settings),

  'owners.list': call(Empty, z.array(Owner)),
  'owners.create': call(OwnerInput, Owner),
  'owners.update': call(OwnerInput.extend({ id: Id }), Owner),

  'regions.list': call(Empty, z.array(Region)),
  'regions.create': call(RegionInput, Region),
  'regions.update': call(RegionInput, Region),
  'regions.remove': call(z.object({ code: z.string() }), Count),

  'tags.list': call(Empty, z.array(Tag)),

  'customFields.list': call(Empty, z.array(CustomFieldDef)),
  'customFields.create': call(CustomFieldDefInput, CustomFieldDef),
  'customFields.update': call(CustomFieldDefInput.extend({ id: Id }), CustomFieldDef),
  'customFields.remove': call(ById, Count),

  'customers.list': call(CustomerQuery, CustomerPage),
  'customers.get': call(ById, CustomerDetail),
  'customers.create': call(CustomerInput, CustomerDetail),
  'customers.update': call(CustomerInput.extend({ id: Id }), CustomerDetail),
  'customers.remove': call(ByIds, Count),
  'customers.restore': call(ByIds, Count),
  'customers.listTrash': call(Page.extend({}), CustomerPage),
  'customers.transfer': call(ByIds.extend({ toOwnerId: Id.nullable() }), Count),
  'customers.checkDuplicates': call(DuplicateCandidate, z.array(DuplicateMatch)),
  'customers.findDuplicates': call(DuplicateQuery, DuplicatePage),
  /** "Not a duplicate": every pair among these customers is remembered and never grouped again. */
  'customers.dismissDuplicates': call(z.object({ ids: z.array(Id).min(2).max(50) }), Count),
  /** Undo of dismissDuplicates: the pairs among these customers may be grouped again. */
  'customers.restoreDuplicates': call(z.object({ ids: z.array(Id).min(2).max(50) }), Count),
  'customers.merge': call(z.object({ targetId: Id, sourceIds: z.array(Id).min(1).max(50) }), CustomerDetail),
  /** A customer's activities and filed mail in one list, newest first. */
  'customers.timeline': call(Page.extend({ customerId: Id }), z.object({ total: z.number(), rows: z.array(TimelineItem) })),

  'contacts.create': call(ContactInput, Contact),
  'contacts.update': call(ContactInput.extend({ id: Id }), Contact),
  'contacts.remove': call(ById, Count),

  'activities.list': call(Page.extend({ customerId: Id }), z.object({ total: z.number(), rows: z.array(Activity) })),
  'activities.create': call(ActivityInput, Activity),
  'activities.update': call(ActivityInput.extend({ id: Id }), Activity),
  'activities.remove': call(ById, Count),

  'reminders.notContacted': call(
    Page.extend({ ownerId: Id.nullish() }),
    z.object({ total: z.number(), rows: z.array(OverdueRow) }),
  ),
  'reminders.counts': call(Empty, z.object({ notContacted: z.number(), waitingForReply: z.number() })),

  'backups.list': call(Empty, z.array(BackupEntry)),
  'backups.create': call(Empty, BackupEntry),
  'backups.restore': call(z.object({ path: z.string().min(1).max(4000) }), z.object({ replacedPath: z.string(), restoredAt: EpochMs })),

  ...mailCalls,
  ...mailSendCalls,
  ...searchCalls,
  ...importCalls,
  ...exportCalls,
  ...productCalls,
  ...quoteCalls,
  ...quoteMailCalls,
  ...quoteDocumentCalls,
  ...letterheadCalls,
  ...dealSummaryCalls,
  ...sampleCalls,
  ...reportCalls,
  ...taskCalls,
  ...paymentCalls,
  ...scoreCalls,
  ...todayCalls,
} as const;

export type Contract = typeof contract;
export type CallKey = keyof Contract;
export type CallInput<K extends CallKey> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends CallKey> = z.output<Contract[K]['input']>;
export type CallOutput<K extends CallKey> = z.output<Contract[K]['output']>;
export const CALL_KEYS = Object.keys(contract) as CallKey[];

export const DATA_ENTITIES = [
  'customers',
  'contacts',
  'activities',
  'owners',
  'regions',
  'tags',
  'customFields',
  'settings',
  'backups',
  ...MAIL_DATA_ENTITIES,
  ...IMPORT_DATA_ENTITIES,
  'products',
  'quotes',
  'samples',
  'tasks',
  'payments',
  'all',
] as const;

export const events = {
  /** Something was written; the renderer refetches queries of these entities. */
  'data.changed': z.object({ entities: z.array(z.enum(DATA_ENTITIES)) }),
  'backup.progress': z.object({ done: z.number(), total: z.number() }),
  ...mailEvents,
  ...importEvents,
  ...exportEvents,
} as const;

export type Events = typeof events;
export type EventKey = keyof Events;
export type EventPayload<K extends EventKey> = z.output<Events[K]>;
export const EVENT_KEYS = Object.keys(events) as EventKey[];

