import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract/contract.ts';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { onEvent } from '../../api/client.ts';

export type ImportProgress = EventPayload<'imports.progress'>;

/** A batch as the list has it, with the rate and time left once an event has told them. */
export type LiveImport = ImportBatch & { ratePerSecond: number | null; etaSeconds: number | null };

/**
 * The latest `imports.progress` of each import seen since the screen opened. The history
 * (imports.list) refreshes on every committed batch too, but only the event carries the rate
 * and the time left; whichever of the two is newer wins, so a list fetched after the last
 * event is not overwritten by an older event.
 */
export function useImportProgress(batches: readonly ImportBatch[] | undefined, onFinished?: (batch: ImportProgress) => void): LiveImport[] {
  const [events, setEvents] = useState<ReadonlyMap<string, ImportProgress>>(new Map());

  useEffect(
    () =>
      onEvent('imports.progress', (payload) => {
        setEvents((current) => new Map(current).set(payload.id, payload));
        if (payload.status !== 'running') onFinished?.(payload);
      }),
    [onFinished],
  );

  return (batches ?? []).map((batch) => {
    const event = events.get(batch.id);
    if (!event || event.updatedAt < batch.updatedAt) return { ...batch, ratePerSecond: null, etaSeconds: null };
    return { ...batch, ...event };
  });
}
