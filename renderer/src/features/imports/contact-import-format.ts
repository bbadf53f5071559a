import type { TFunction } from 'i18next';
import type { ColumnTarget, ContactPreview, ContactRowAction } from '../../../../shared/contract/imports.contract.ts';

export type PreviewSheet = ContactPreview['sheets'][number];
export type PreviewRow = PreviewSheet['rows'][number];
export type PreviewProblem = PreviewRow['problems'][number];
export type ColumnMapping = PreviewSheet['mapping'][number];
export type RowDecisions = ReadonlyMap<number, ContactRowAction>;

/** The contract's limit on a custom field's label (requiredText(60)). */
export const CUSTOM_LABEL_MAX = 60;

/** A column's target as one Select value: `field:<name>`, `custom` or `skip`. */
export function targetValue(target: ColumnTarget): string {
  return target.kind === 'field' ? `field:${target.field}` : target.kind;
}

/**
 * The target a Select value stands for. A custom field keeps the label it had, else takes the
 * column's header (or its letter when it has none), so choosing "Custom field" is one step.
 */
export function targetFromValue(value: string, column: Pick<ColumnMapping, 'header' | 'letter' | 'target'>): ColumnTarget {
  if (value === 'skip') return { kind: 'skip' };
  if (value === 'custom') {
    if (column.target.kind === 'custom') return column.target;
    const label = (column.header.trim() || column.letter).slice(0, CUSTOM_LABEL_MAX);
    return { kind: 'custom', label };
  }
  return { kind: 'field', field: value.slice('field:'.length) as Extract<ColumnTarget, { kind: 'field' }>['field'] };
}

/** A problem the service sent as an i18n key with parameters, in the user's language. */
export function problemText(t: TFunction, problem: Pick<PreviewProblem, 'message' | 'params'>): string {
  return t(problem.message, { ...problem.params, defaultValue: problem.message });
}

/** The first few non-empty values of a column among the preview's rows, to show what it holds. */
export function sampleValues(sheet: PreviewSheet, column: number, max = 3): string[] {
  const samples: string[] = [];
  for (const row of sheet.rows) {
    const value = row.cells[column]?.trim();
    if (value && !samples.includes(value)) samples.push(value);
    if (samples.length >= max) break;
  }
  return samples;
}

/** What a row may become: a row that cannot be imported only skipped; merge only into a match. */
export function allowedActions(row: PreviewRow): ContactRowAction[] {
  if (row.problems.some((p) => p.severity === 'error')) return ['skip'];
  return row.match ? ['merge', 'create', 'skip'] : ['create', 'skip'];
}

/** The row's action: the user's choice while it is still allowed (a new mapping may take a match away), else the proposal. */
export function rowAction(row: PreviewRow, decisions: RowDecisions): ContactRowAction {
  const chosen = decisions.get(row.rowNumber);
  return chosen && allowedActions(row).includes(chosen) ? chosen : row.action;
}

/** The choices that differ from what the service proposes: what imports.applyContacts needs as `decisions`. */
export function decisionList(rows: readonly PreviewRow[], decisions: RowDecisions): { rowNumber: number; action: ContactRowAction }[] {
  return rows.filter((r) => rowAction(r, decisions) !== r.action).map((r) => ({ rowNumber: r.rowNumber, action: rowAction(r, decisions) }));
}

export function actionCounts(rows: readonly PreviewRow[], decisions: RowDecisions): Record<ContactRowAction, number> {
  const counts: Record<ContactRowAction, number> = { merge: 0, create: 0, skip: 0 };
  for (const row of rows) counts[rowAction(row, decisions)]++;
  return counts;
}

export function sameTarget(a: ColumnTarget, b: ColumnTarget): boolean {
  return targetValue(a) === targetValue(b) && (a.kind !== 'custom' || b.kind !== 'custom' || a.label === b.label);
}

/** A custom field needs a label; a mapping with an empty one cannot be sent. */
export function mappingComplete(targets: readonly ColumnTarget[]): boolean {
  return targets.every((t) => t.kind !== 'custom' || t.label.trim().length > 0);
}

/** The delimiter's name for its i18n key (a tab or a comma is no good as a key). */
export const DELIMITER_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;
