import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Db } from '../../../db/database.ts';
import type { exportCalls, ExportResult } from '../../../shared/contract/exports.contract.ts';
import { fail } from '../../../shared/contract/result.ts';
import type { Clock } from '../core/clock.ts';
import type { Emit } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import type { MailStores } from '../mail/store/mail-stores.ts';
import { writeCustomers } from './customer-export.ts';
import { writeEverything } from './everything-export.ts';
import { OutputFile, writeFileAtomically, writeFolderAtomically } from './export-file.ts';
import { exportText } from './export-text.ts';
import { accountMessageCount, accountsOf, customerMessageCount, liveCustomer, ownerName } from './exports.queries.ts';
import { appendMail, type MailScope } from './mail-export.ts';

type Calls = typeof exportCalls;
export type ExportCallKey = keyof Calls;
export type ExportHandlers = { [K in ExportCallKey]: (input: z.output<Calls[K]['input']>) => Promise<z.output<Calls[K]['output']>> };

export interface ExportServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  emit: Emit;
  /** The mail service's content stores: where the mail's sources and attachments are. */
  stores: MailStores;
}

type Kind = ExportResult['kind'];
type Phase = 'customers' | 'contacts' | 'activities' | 'mail' | 'attachments';

/** A path typed in a browser would otherwise be taken relative to wherever the host was started. */
function absolute(target: string): string {
  if (!path.isAbsolute(target)) fail('validation', 'exports.errors.notAbsolute', { file: target });
  return path.normalize(target);
}

const two = (n: number) => String(n).padStart(2, '0');

const EXTENSIONS = { xlsx: '.xlsx', csv: '.csv', mbox: '.mbox' } as const;

/** A file named for another format (customers.xlsx written as CSV) would open as garbage, or not at all. */
function checkExtension(file: string, format: keyof typeof EXTENSIONS): void {
  const extension = EXTENSIONS[format];
  if (path.extname(file).toLowerCase() !== extension) fail('validation', 'exports.errors.wrongExtension', { file, extension, format: format === 'mbox' ? 'mbox' : format.toUpperCase() });
}

/** Whose mail, and how many messages: an export of none is refused rather than written as an empty file. */
async function mailScope(db: Db, customerId: string | undefined, ownerId: string | undefined): Promise<{ scope: MailScope; total: number }> {
  if (customerId !== undefined) {
    const customer = await liveCustomer(db, customerId);
    if (!customer) fail('notFound', 'exports.errors.customerNotFound', { id: customerId });
    const total = await customerMessageCount(db, customerId);
    if (total === 0) fail('validation', 'exports.errors.nothingToExport', { name: customer.name });
    return { scope: { kind: 'customer', customerId }, total };
  }
  const owner = await ownerName(db, ownerId!);
  if (owner === undefined) fail('notFound', 'exports.errors.ownerNotFound', { id: ownerId! });
  const accountIds = (await accountsOf(db, ownerId!)).map((a) => a.id);
  const total = await accountMessageCount(db, accountIds);
  if (total === 0) fail('validation', 'exports.errors.nothingToExport', { name: owner });
  return { scope: { kind: 'accounts', accountIds }, total };
}

/**
 * Exports run within their call (measured: 100,000 customers to .xlsx take seconds, not
 * minutes — test/bench/RESULTS.md › Export), with `exports.progress` between, at most four a
 * second, and at the end of each phase.
 */
export function createExportService(deps: ExportServiceDeps) {
  const { db, clock, emit } = deps;

  const progressOf = (kind: Kind, target: string) => {
    let last = 0;
    return (phase: Phase, done: number, total: number | null) => {
      const now = performance.now();
      if (now - last < 250 && done !== total) return;
      last = now;
      emit('exports.progress', { kind, path: target, phase, done, total });
    };
  };

  const result = (kind: Kind, target: string, started: number, files: string[], counts: Partial<Omit<ExportResult, 'kind' | 'path' | 'files' | 'ms'>>): ExportResult => ({
    kind,
    path: target,
    files: files.map((f) => ({ path: f, bytes: fs.statSync(f).size })),
    customers: counts.customers ?? 0,
    contacts: counts.contacts ?? 0,
    activities: counts.activities ?? 0,
    messages: counts.messages ?? 0,
    attachments: counts.attachments ?? 0,
    rebuiltMessages: counts.rebuiltMessages ?? 0,
    ms: Math.round(performance.now() - started),
  });

  const handlers: ExportHandlers = {
    'exports.customers': async ({ format, path: target, ownerId, language, overwrite }) => {
      const file = absolute(target);
      checkExtension(file, format);
      if (ownerId !== undefined && (await ownerName(db, ownerId)) === undefined) fail('notFound', 'exports.errors.ownerNotFound', { id: ownerId });
      const started = performance.now();
      const text = await exportText(language);
      const write = (temp: string) => writeCustomers(db, format, temp, { ownerId: ownerId ?? null, text, progress: progressOf('customers', file) });
      const counts = await writeFileAtomically(file, write, overwrite);
      return result('customers', file, started, [file], counts);
    },
    'exports.mail': async ({ path: target, customerId, ownerId, overwrite }) => {
      const file = absolute(target);
      checkExtension(file, 'mbox');
      const { scope, total } = await mailScope(db, customerId, ownerId);
      const started = performance.now();
      const progress = progressOf('mail', file);
      const counts = await writeFileAtomically(file, async (temp) => {
        const out = await OutputFile.open(temp);
        try {
          const written = await appendMail({ db, stores: deps.stores }, out, scope, new Set(), (n) => progress('mail', n, total));
          await out.close();
          return written;
        } catch (err) {
          await out.abandon();
          throw err;
        }
      }, overwrite);
      return result('mail', file, started, [file], { messages: counts.messages, rebuiltMessages: counts.rebuilt });
    },
    'exports.everything': async ({ folder, language }) => {
      const parent = absolute(folder);
      const now = new Date(clock.now());
      const name = `TradeFolio ${now.getUTCFullYear()}-${two(now.getUTCMonth() + 1)}-${two(now.getUTCDate())} ${two(now.getUTCHours())}${two(now.getUTCMinutes())}`;
      const started = performance.now();
      const text = await exportText(language);
      const { dir, value } = await writeFolderAtomically(parent, name, (temp) =>
        writeEverything({ db, stores: deps.stores }, temp, { text, progress: progressOf('everything', parent) }),
      );
      return result(
        'everything',
        dir,
        started,
        value.files.map((f) => path.join(dir, f)),
        { customers: value.customers, contacts: value.contacts, activities: value.activities, messages: value.messages, attachments: value.attachments, rebuiltMessages: value.rebuilt },
      );
    },
  };
  return { handlers };
}

export type ExportService = ReturnType<typeof createExportService>;
