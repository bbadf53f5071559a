import type { EventPayload } from '../../../../shared/contract/contract.ts';
import { pathKey } from './export-paths.ts';

export type ExportProgress = EventPayload<'exports.progress'>;
/** The latest progress of each running export, by its path: two exports can run at once (customers while the mail is written). */
export type RunningExports = ReadonlyMap<string, ExportProgress>;

export function withProgress(running: RunningExports, progress: ExportProgress): RunningExports {
  return new Map(running).set(pathKey(progress.path), progress);
}

/** Without the export to `target` (the path asked for), which has ended; the others keep their lines. */
export function withoutExport(running: RunningExports, target: string): RunningExports {
  const next = new Map(running);
  next.delete(pathKey(target));
  return next;
}
