import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CallInput, EventPayload } from '../../../../shared/contract/contract.ts';
import type { ColumnTarget, ContactRowAction, CsvDelimiterChoice, ImportBatch, TextEncodingChoice } from '../../../../shared/contract/imports.contract.ts';
import type { z } from 'zod';
import { call, onEvent } from '../../api/client.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { decisionList, sameTarget, type ColumnMapping, type PreviewSheet, type RowDecisions } from './contact-import-format.ts';

export type ContactStep = 'file' | 'columns' | 'rows' | 'done';
export type TextEncoding = z.infer<typeof TextEncodingChoice>;
export type CsvDelimiter = z.infer<typeof CsvDelimiterChoice>;

/** What the user chose for the file: the sheet, the columns' targets (null: as the service suggests), a saved mapping, the encoding and the separator. */
export interface SheetChoice {
  path: string;
  sheet: number;
  mapping: ColumnTarget[] | null;
  savedMapping: string | null;
  encoding: TextEncoding | null;
  delimiter: CsvDelimiter | null;
}

/** The rows a preview shows: enough to judge a sheet, few enough to decide each. */
export const PREVIEW_ROWS = 50;

export function previewInput(choice: SheetChoice): CallInput<'imports.previewContacts'> {
  return {
    path: choice.path,
    sheet: choice.sheet,
    rows: PREVIEW_ROWS,
    ...(choice.mapping ? { mapping: choice.mapping } : {}),
    ...(choice.savedMapping ? { savedMapping: choice.savedMapping } : {}),
    ...(choice.encoding ? { encoding: choice.encoding } : {}),
    ...(choice.delimiter ? { delimiter: choice.delimiter } : {}),
  };
}

const fresh = (path: string): SheetChoice => ({ path, sheet: 0, mapping: null, savedMapping: null, encoding: null, delimiter: null });

/** The latest progress of the contact batch being applied from `path`, while it runs. */
function useApplyProgress(path: string | null, active: boolean): EventPayload<'imports.progress'> | null {
  const [progress, setProgress] = useState<EventPayload<'imports.progress'> | null>(null);
  useEffect(() => {
    if (!active || path === null) return;
    const off = onEvent('imports.progress', (payload) => {
      if (payload.kind === 'contacts' && payload.sourcePath === path) setProgress(payload);
    });
    return () => {
      off();
      // The next run starts at nought, not at this one's end.
      setProgress(null);
    };
  }, [path, active]);
  return progress;
}

/**
 * The preview of the chosen sheet, the last one staying on screen while the next is read, and
 * its columns. The service's own suggestion for the file (cached from before the first change)
 * says how each column the user did not touch was recognised, rather than "chosen" like the rest.
 */
function useSheetPreview(choice: SheetChoice | null, active: boolean) {
  const idle = { path: '-', rows: 0 };
  const preview = useCall('imports.previewContacts', choice ? previewInput(choice) : idle, {
    enabled: choice !== null && active,
    placeholderData: (previous) => previous,
  });
  const suggestion = useCall('imports.previewContacts', choice ? previewInput({ ...choice, mapping: null }) : idle, {
    enabled: choice?.mapping != null && active,
  });
  const sheet = preview.data?.sheets.find((s) => s.index === choice?.sheet) ?? null;
  const suggested = suggestion.data?.sheets.find((s) => s.index === choice?.sheet)?.mapping;
  const columns: ColumnMapping[] = (sheet?.mapping ?? []).map((m, i) => {
    const before = choice?.mapping ? suggested?.[i] : undefined;
    return before ? { ...m, basis: sameTarget(before.target, m.target) ? before.basis : 'given', confidence: before.confidence } : m;
  });
  return { preview, sheet, columns };
}

/** The import's input: the mapping on screen, the rows decided otherwise than proposed, and the file's overrides. */
function applyInput(choice: SheetChoice, sheet: PreviewSheet, rest: { decisions: RowDecisions; ownerId: string | null; rememberAs: string }): CallInput<'imports.applyContacts'> {
  const remember = rest.rememberAs.trim();
  return {
    path: choice.path,
    sheet: choice.sheet,
    mapping: sheet.mapping.map((m) => m.target),
    defaultOwnerId: rest.ownerId,
    decisions: decisionList(sheet.rows, rest.decisions),
    ...(remember ? { rememberMappingAs: remember } : {}),
    ...(choice.encoding ? { encoding: choice.encoding } : {}),
    ...(choice.delimiter ? { delimiter: choice.delimiter } : {}),
  };
}

/** The import itself — one call that returns when the batch is done — its progress meanwhile, and Stop. */
function useApplySheet(path: string | null) {
  const apply = useMutationCall('imports.applyContacts');
  const cancel = useMutationCall('imports.cancel');
  const progress = useApplyProgress(path, apply.isPending);
  const stop = () => (progress ? cancel.mutateAsync({ id: progress.id }) : Promise.resolve(null));
  return { apply, progress, stop };
}

/**
 * The contact sheet import as steps: the file is read (imports.previewContacts) before the
 * columns show; every change of sheet, encoding, separator or mapping reads it again, keeping
 * the last preview on screen meanwhile; the rows' decisions go with the import
 * (imports.applyContacts), which returns when the batch is done.
 */
export function useContactImport() {
  const client = useQueryClient();
  const [step, setStep] = useState<ContactStep>('file');
  const [choice, setChoice] = useState<SheetChoice | null>(null);
  const [decisions, setDecisions] = useState<RowDecisions>(new Map());
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [rememberAs, setRememberAs] = useState('');
  const [result, setResult] = useState<ImportBatch | null>(null);
  const { preview, sheet, columns } = useSheetPreview(choice, step !== 'done');
  const { apply, progress, stop } = useApplySheet(choice?.path ?? null);

  /** Reads the file before going on, so a file that cannot be read is said under its field and nothing moves. */
  async function open(path: string): Promise<void> {
    const next = fresh(path);
    const input = previewInput(next);
    await client.fetchQuery({ queryKey: ['imports.previewContacts', input], queryFn: () => call('imports.previewContacts', input) });
    setChoice(next);
    setDecisions(new Map());
    setStep('columns');
  }

  /**
   * A change of sheet, encoding, separator or saved mapping. Each can change the columns
   * themselves (garbled headers read right, one column split in three), so the mapping comes
   * from the service again.
   */
  function rechoose(change: Partial<Omit<SheetChoice, 'path' | 'mapping'>>): void {
    setChoice((c) => (c ? { ...c, ...change, mapping: null } : c));
    if ('sheet' in change) setDecisions(new Map());
  }

  function setTarget(column: number, target: ColumnTarget): void {
    if (!sheet) return;
    const mapping = sheet.mapping.map((m, i) => (i === column ? target : m.target));
    setChoice((c) => (c ? { ...c, mapping } : c));
  }

  function decide(rowNumber: number, action: ContactRowAction): void {
    setDecisions((d) => new Map(d).set(rowNumber, action));
  }

  async function run(): Promise<ImportBatch | null> {
    if (!choice || !sheet) return null;
    const batch = await apply.mutateAsync(applyInput(choice, sheet, { decisions, ownerId, rememberAs }));
    setResult(batch);
    setStep('done');
    return batch;
  }

  function restart(): void {
    setStep('file');
    setChoice(null);
    setDecisions(new Map());
    setRememberAs('');
    setResult(null);
    apply.reset();
  }

  return {
    step,
    setStep,
    choice,
    preview,
    sheet,
    columns,
    decisions,
    ownerId,
    setOwnerId,
    rememberAs,
    setRememberAs,
    result,
    progress,
    applying: apply.isPending,
    open,
    rechoose,
    setTarget,
    decide,
    run,
    restart,
    stop,
  };
}

export type ContactImportFlow = ReturnType<typeof useContactImport>;
