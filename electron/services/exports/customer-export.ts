import ExcelJS from 'exceljs';
import fs from 'node:fs';
import type { Db } from '../../../db/database.ts';
import type { CustomerExportFormat } from '../../../shared/contract/exports.contract.ts';
import {
  ACTIVITY_COLUMNS,
  activityCells,
  CONTACT_COLUMNS,
  CONTACT_SHEET_COLUMNS,
  contactCells,
  CUSTOMER_COLUMNS,
  customerCells,
  customFieldCells,
  groupContacts,
  headers,
  type ContactWithChannels,
} from './customer-rows.ts';
import { FileError, giveWay, OutputFile } from './export-file.ts';
import type { ExportText } from './export-text.ts';
import {
  activityCount,
  activityPage,
  contactsOf,
  customerCount,
  customerPage,
  customFieldDefs,
  customFieldValuesOf,
  type CustomerExportRow,
} from './exports.queries.ts';
import { spreadsheetCell } from './spreadsheet-cell.ts';

/**
 * Customers and contacts to .csv or .xlsx, a page of customers (and their contacts) at a time,
 * so memory holds one page whatever the number of customers. The .xlsx goes through exceljs's
 * streaming WorkbookWriter, which zips each row as it is committed.
 */

const PAGE = 1000;

export interface CustomerExportOptions {
  ownerId: string | null;
  text: ExportText;
  /** A third sheet with every note, call, meeting and visit (.xlsx only; the export of everything). */
  activities?: boolean;
  progress(phase: 'customers' | 'contacts' | 'activities', done: number, total: number): void;
}

export interface CustomerExportCounts {
  customers: number;
  contacts: number;
  activities: number;
}

type Page = { customers: CustomerExportRow[]; contacts: Map<string, ContactWithChannels[]>; fields: Map<string, Map<string, string>> };

async function* pages(db: Db, ownerId: string | null, want: { contacts: boolean; fields: boolean }): AsyncGenerator<Page> {
  for (let afterRid = 0; ; ) {
    const customers = await customerPage(db, { ownerId, afterRid, limit: PAGE });
    if (customers.length === 0) return;
    const ids = customers.map((c) => c.id);
    const found = want.contacts ? await contactsOf(db, ids) : { contacts: [], channels: [] };
    const fields = new Map<string, Map<string, string>>();
    for (const v of want.fields ? await customFieldValuesOf(db, ids) : []) {
      const own = fields.get(v.customer_id) ?? new Map<string, string>();
      own.set(v.field_id, v.value);
      fields.set(v.customer_id, own);
    }
    yield { customers, contacts: groupContacts(found.contacts, found.channels), fields };
    await giveWay();
    if (customers.length < PAGE) return;
    afterRid = customers.at(-1)!.rid;
  }
}

/** RFC 4180 quoting. Written here, not with csv-stringify: three lines do not earn a dependency. */
function csvLine(cells: readonly string[]): string {
  return `${cells.map((raw) => {
    const cell = spreadsheetCell(raw);
    return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }).join(',')}\r\n`;
}

/** UTF-8 with a byte-order mark: without it Excel reads the file in the system's code page and Chinese turns to mojibake. */
const BOM = '\uFEFF';

async function writeCsv(db: Db, file: string, options: CustomerExportOptions): Promise<CustomerExportCounts> {
  const { text } = options;
  const total = await customerCount(db, options.ownerId);
  const fields = await customFieldDefs(db);
  const out = await OutputFile.open(file);
  const counts = { customers: 0, contacts: 0, activities: 0 };
  try {
    const header = [...headers(CUSTOMER_COLUMNS, text), ...fields.map((f) => f.label), ...headers(CONTACT_COLUMNS, text)];
    await out.write([Buffer.from(BOM + csvLine(header), 'utf8')]);
    for await (const page of pages(db, options.ownerId, { contacts: true, fields: fields.length > 0 })) {
      let lines = '';
      for (const customer of page.customers) {
        const own = [...customerCells(customer, text), ...customFieldCells(fields, page.fields.get(customer.id))];
        const contacts = page.contacts.get(customer.id) ?? [];
        for (const entry of contacts.length > 0 ? contacts : [null]) lines += csvLine([...own, ...contactCells(entry, text)]);
        counts.contacts += contacts.length;
      }
      await out.write([Buffer.from(lines, 'utf8')]);
      counts.customers += page.customers.length;
      options.progress('customers', counts.customers, total);
    }
    await out.close();
  } catch (err) {
    await out.abandon();
    throw err;
  }
  return counts;
}

/** What exceljs's streaming worksheet writes into (internals: see zipCaughtUp). */
interface BufferState {
  length?: number;
}
interface SheetStream {
  stream?: { buffers?: unknown[]; pipes?: Array<{ _writableState?: BufferState; _readableState?: BufferState }> };
}

const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/**
 * Waits until the zip has taken most of what the sheet wrote. exceljs 4.4's streaming writer
 * does not push back: rows committed faster than deflate runs pile up in its StreamBuf (before
 * the zip pipes it) or in the zip's write buffer — the whole sheet, ~630 MB of RSS for 100,000
 * customers (exceljs issues #2916 and #1894; the workaround there is this wait). It reads
 * exceljs internals, so an exceljs without them simply goes unpaced rather than failing.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, failed: () => boolean): Promise<void> {
  const stream = (sheet as unknown as SheetStream).stream;
  // The pipe is readable-stream's PassThrough (archiver's), which predates writableLength: its states' lengths are the bytes held.
  const pending = () => {
    const pipe = stream?.pipes?.[0];
    return (stream?.buffers?.length ?? 0) * 65_536 + (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  };
  // Once the file failed (a full disk) the export stops: no use waiting for the zip.
  while (pending() > MAX_PENDING_BYTES && !failed()) await new Promise((resolve) => setTimeout(resolve, 2));
}

async function writeActivities(db: Db, sheet: ExcelJS.Worksheet, text: ExportText, stopped: () => boolean, progress: (done: number, total: number) => void): Promise<number> {
  const total = await activityCount(db);
  let done = 0;
  for (let after = 0; ; ) {
    const page = await activityPage(db, after, PAGE);
    for (const a of page) sheet.addRow(activityCells(a, text).map(spreadsheetCell)).commit();
    done += page.length;
    progress(done, total);
    await giveWay();
    await zipCaughtUp(sheet, stopped);
    if (stopped()) return done;
    if (page.length < PAGE) return done;
    after = page.at(-1)!.key;
  }
}

/** Resolves when the stream has its file open; rejects, naming the file, when it cannot open it. */
function opened(stream: fs.WriteStream, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', (err) => reject(new FileError(file, err)));
  });
}

async function writeXlsx(db: Db, file: string, options: CustomerExportOptions): Promise<CustomerExportCounts> {
  const { text } = options;
  const total = await customerCount(db, options.ownerId);
  // flush: fsync before the close, as OutputFile.close does: the file is renamed as finished next.
  const stream = fs.createWriteStream(file, { flags: 'wx', mode: 0o644, flush: true });
  await opened(stream, file);
  // A write error (a full disk) while exceljs streams: commit() would wait for a 'finish' that never comes.
  let failure: unknown = null;
  const failed = new Promise<never>((_, reject) =>
    stream.on('error', (err) => {
      failure = new FileError(file, err);
      reject(failure);
    }),
  );
  failed.catch(() => {});
  const stopped = () => failure !== null;
  const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
  const counts = { customers: 0, contacts: 0, activities: 0 };
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false, zip: { zlib: { level: 6 } } });
    const sheet = (name: string, names: readonly string[]) => {
      const ws = workbook.addWorksheet(text(`exports.sheets.${name}`));
      ws.columns = names.map((header) => ({ header: spreadsheetCell(header), width: Math.max(12, header.length + 4) }));
      return ws;
    };
    const fields = await customFieldDefs(db);
    const customers = sheet('customers', [...headers(CUSTOMER_COLUMNS, text), ...fields.map((f) => f.label)]);
    for await (const page of pages(db, options.ownerId, { contacts: false, fields: fields.length > 0 })) {
      if (failure) throw failure;
      for (const customer of page.customers) {
        customers.addRow([...customerCells(customer, text), ...customFieldCells(fields, page.fields.get(customer.id))].map(spreadsheetCell)).commit();
      }
      await zipCaughtUp(customers, stopped);
      counts.customers += page.customers.length;
      options.progress('customers', counts.customers, total);
    }
    customers.commit();
    // A second pass: exceljs zips one sheet after the other, so rows for a later sheet written
    // meanwhile would wait in memory.
    const contacts = sheet('contacts', headers(CONTACT_SHEET_COLUMNS, text));
    let done = 0;
    for await (const page of pages(db, options.ownerId, { contacts: true, fields: false })) {
      if (failure) throw failure;
      for (const customer of page.customers) {
        for (const entry of page.contacts.get(customer.id) ?? []) {
          contacts.addRow([customer.code, customer.name, ...contactCells(entry, text)].map(spreadsheetCell)).commit();
          counts.contacts++;
        }
      }
      await zipCaughtUp(contacts, stopped);
      done += page.customers.length;
      options.progress('contacts', done, total);
    }
    contacts.commit();
    if (options.activities) {
      const activities = sheet('activities', headers(ACTIVITY_COLUMNS, text));
      if (failure) throw failure;
      counts.activities = await writeActivities(db, activities, text, stopped, (n, of) => options.progress('activities', n, of));
      activities.commit();
    }
    await Promise.race([workbook.commit(), failed]);
    await closed;
  } catch (err) {
    stream.destroy();
    await closed;
    throw err;
  }
  return counts;
}

/** Writes the customers (of `ownerId`, or all) with their contacts to `file` in `format`. */
export function writeCustomers(db: Db, format: CustomerExportFormat, file: string, options: CustomerExportOptions): Promise<CustomerExportCounts> {
  return format === 'csv' ? writeCsv(db, file, options) : writeXlsx(db, file, options);
}
