import type { ChannelKind, Grade, Source, Stage } from '../../../../shared/domain/customer-enums.ts';
import { gradeOf, isScientificNotation, normalisePhone, sourceOf, splitEmails, splitPhones, stageOf, websiteOf } from './cell-normalisers.ts';
import type { ContactField } from './contact-fields.ts';
import type { SheetInfo, SheetRow } from './contact-sheet.types.ts';
import { countryCode } from './country-codes.ts';
import type { ColumnTarget } from './header-mapping.ts';
import { columnLetter, type ImportProblem, type ProblemCode, problem } from './import-problems.ts';

export interface ParsedChannel {
  kind: ChannelKind;
  value: string;
}

/** One row as the app's customer and contact fields (shared/contract/customers.contract.ts), before any matching. */
export interface ParsedContact {
  company: {
    name: string | null;
    localName: string | null;
    /** ISO 3166-1 alpha-2. */
    country: string | null;
    website: string | null;
    address: string | null;
    grade: Grade | null;
    stage: Stage | null;
    source: Source | null;
    notes: string | null;
    tags: string[];
    /** As written; the import service resolves it to an owner. */
    ownerName: string | null;
  };
  contact: {
    name: string | null;
    title: string | null;
    notes: string | null;
    channels: ParsedChannel[];
  };
  /** Columns mapped to custom fields, by the label chosen for them. */
  customFields: Array<{ label: string; value: string }>;
  /**
   * Text that did not fit where it was mapped (an invalid email, an unknown country, a second
   * company name, the rest of a too-long value), so the import can keep it (e.g. in notes)
   * rather than lose it. Each has a problem beside it.
   */
  unresolved: Array<{ column: string; header: string; value: string }>;
}

export interface NormalisedRow {
  sheet: number;
  rowNumber: number;
  contact: ParsedContact;
  /** The row's reading problems and its value problems; any `error` means it cannot be imported as it is. */
  problems: ImportProblem[];
}

export interface NormaliseOptions {
  /** Country of phone numbers written without a country code when the row names none (e.g. the user's own, 'CN'). */
  defaultCountry?: string | null;
}

/** The contract's length limits (CustomerInput, ContactInput, ContactChannelInput). */
const MAX_LENGTH: Partial<Record<ContactField, number>> = {
  companyName: 200,
  localName: 200,
  contactName: 100,
  title: 100,
  website: 300,
  address: 500,
  notes: 5000,
  contactNotes: 2000,
  owner: 100,
};
const MAX_CHANNEL = 200;
const MAX_TAG = 40;

interface Cell {
  column: string;
  header: string;
  text: string;
}

/** What one row's normalising collects: the mapped cells by field, and the problems and leftovers found. */
class RowContext {
  readonly problems: ImportProblem[];
  readonly unresolved: ParsedContact['unresolved'] = [];
  readonly byField = new Map<ContactField, Cell[]>();
  readonly custom: Array<{ label: string; value: string }> = [];

  readonly sheet: SheetInfo;
  readonly row: SheetRow;

  constructor(sheet: SheetInfo, row: SheetRow, targets: readonly ColumnTarget[]) {
    this.sheet = sheet;
    this.row = row;
    this.problems = [...row.problems];
    row.cells.forEach((raw, i) => {
      const text = raw.trim();
      const target = targets[i];
      if (!text || !target || target.kind === 'skip') return;
      const cell = { column: columnLetter(i), header: sheet.headers[i]?.text ?? '', text };
      if (target.kind === 'custom') this.custom.push({ label: target.label, value: text });
      else this.byField.set(target.field, [...(this.byField.get(target.field) ?? []), cell]);
    });
  }

  report(code: ProblemCode, cell: Cell, keep: string = cell.text, extra: Record<string, string | number> = {}): void {
    this.problems.push(problem(code, { sheet: this.sheet.name, row: this.row.rowNumber, column: cell.column, header: cell.header, value: keep, ...extra }));
    this.unresolved.push({ column: cell.column, header: cell.header, value: keep });
  }

  cells(field: ContactField): Cell[] {
    return this.byField.get(field) ?? [];
  }

  /** A one-value field: the first cell, bounded by the contract's limit; others are kept aside. */
  single(field: ContactField): string | null {
    const [first, ...rest] = this.cells(field);
    for (const cell of rest) if (cell.text !== first?.text) this.unresolved.push({ column: cell.column, header: cell.header, value: cell.text });
    return first ? this.bounded(field, first, first.text) : null;
  }

  /** Text of several cells joined (notes), bounded by the contract's limit. */
  joined(field: ContactField, separator: string): string | null {
    const cells = this.cells(field);
    if (cells.length === 0) return null;
    return this.bounded(field, cells[0]!, cells.map((c) => c.text).join(separator));
  }

  private bounded(field: ContactField, cell: Cell, text: string): string {
    const max = MAX_LENGTH[field];
    if (max === undefined || text.length <= max) return text;
    this.report('valueTooLong', cell, text.slice(max), { max });
    return text.slice(0, max);
  }

  /** A closed-vocabulary field: the value the reader understood, or null with a problem. */
  vocabulary<T>(field: ContactField, read: (text: string) => T | null, code: ProblemCode): T | null {
    const cell = this.cells(field)[0];
    if (!cell) return null;
    const value = read(cell.text);
    if (value === null) this.report(code, cell);
    return value;
  }
}

function channels(ctx: RowContext, country: string | null): ParsedChannel[] {
  const out: ParsedChannel[] = [];
  const add = (kind: ChannelKind, value: string) => {
    if (!out.some((c) => c.kind === kind && c.value.toLowerCase() === value.toLowerCase())) out.push({ kind, value: value.slice(0, MAX_CHANNEL) });
  };
  for (const cell of ctx.cells('email')) {
    const { valid, invalid } = splitEmails(cell.text);
    valid.forEach((e) => add('email', e));
    invalid.forEach((bad) => ctx.report('invalidEmail', cell, bad));
  }
  for (const [field, kind] of [['phone', 'phone'], ['mobile', 'phone'], ['whatsapp', 'whatsapp']] as const) {
    for (const cell of ctx.cells(field)) {
      if (isScientificNotation(cell.text)) {
        ctx.report('phoneInScientificNotation', cell);
        continue;
      }
      for (const written of splitPhones(cell.text)) {
        const phone = normalisePhone(written, country);
        // Kept as written even when unreadable: a number in an odd format still reaches a person.
        if (!phone.valid) ctx.problems.push(problem('invalidPhone', { sheet: ctx.sheet.name, row: ctx.row.rowNumber, column: cell.column, header: cell.header, value: written }));
        add(kind, phone.value);
      }
    }
  }
  for (const [field, kind] of [['wechat', 'wechat'], ['skype', 'skype']] as const) {
    for (const cell of ctx.cells(field)) for (const id of cell.text.normalize('NFKC').split(/[;,、\n]+/)) if (id.trim()) add(kind, id.trim());
  }
  return out;
}

function personName(ctx: RowContext): string | null {
  const full = ctx.single('contactName');
  if (full) return full;
  const first = ctx.single('firstName') ?? '';
  const last = ctx.single('lastName') ?? '';
  if (!first && !last) return null;
  // Chinese names are family name first, without a space.
  const name = /\p{Script=Han}/u.test(first + last) ? last + first : [first, last].filter(Boolean).join(' ');
  return name.slice(0, MAX_LENGTH.contactName);
}

/**
 * One sheet row as a customer and a contact: emails split and checked, phones in
 * international format, the country as its ISO code, grade, stage and source as the app's
 * values, and every problem as data naming the row, column and header. `targets` is the
 * mapping by column index (e.g. suggestMapping(...).map((s) => s.target)).
 */
export function normaliseContactRow(row: SheetRow, sheet: SheetInfo, targets: readonly ColumnTarget[], options: NormaliseOptions = {}): NormalisedRow {
  const ctx = new RowContext(sheet, row, targets);
  const country = ctx.vocabulary('country', countryCode, 'unknownCountry');
  const websiteCell = ctx.cells('website')[0];
  const website = websiteCell ? websiteOf(websiteCell.text) : null;
  if (websiteCell && !website) ctx.report('invalidWebsite', websiteCell);
  const tags = [...new Set(ctx.cells('tags').flatMap((c) => c.text.normalize('NFKC').split(/[,;、/\n]+/)).map((t) => t.trim().slice(0, MAX_TAG)).filter(Boolean))];
  const contact: ParsedContact = {
    company: {
      name: ctx.single('companyName'),
      localName: ctx.single('localName'),
      country,
      website: website?.slice(0, MAX_LENGTH.website) ?? null,
      address: ctx.joined('address', ', '),
      grade: ctx.vocabulary('grade', gradeOf, 'unknownGrade'),
      stage: ctx.vocabulary('stage', stageOf, 'unknownStage'),
      source: ctx.vocabulary('source', sourceOf, 'unknownSource'),
      notes: ctx.joined('notes', '\n'),
      tags,
      ownerName: ctx.single('owner'),
    },
    contact: { name: personName(ctx), title: ctx.single('title'), notes: ctx.joined('contactNotes', '\n'), channels: channels(ctx, country ?? options.defaultCountry ?? null) },
    customFields: ctx.custom,
    unresolved: ctx.unresolved,
  };
  const hasEmail = contact.contact.channels.some((c) => c.kind === 'email');
  if (!contact.company.name && !contact.company.localName && !contact.contact.name && !hasEmail) {
    ctx.problems.push(problem('noNameOrCompany', { sheet: sheet.name, row: row.rowNumber }));
  }
  return { sheet: row.sheet, rowNumber: row.rowNumber, contact, problems: ctx.problems };
}
