import { useEffect, useState } from 'react';
import { onEvent } from '../../api/client.ts';
import type { SyncProgress } from './mail-folders.ts';

/**
 * The latest `mail.syncProgress` per account while a run is going; an account drops out when
 * its run reports `done`. Counts and "synced" marks come from `mail.syncStatus`, which the
 * run's `data.changed` events refresh; this only drives the moving parts.
 */
export function useSyncProgress(): ReadonlyMap<string, SyncProgress> {
  const [byAccount, setByAccount] = useState<ReadonlyMap<string, SyncProgress>>(() => new Map());
  useEffect(
    () =>
      onEvent('mail.syncProgress', (progress) =>
        setByAccount((previous) => {
          const next = new Map(previous);
          if (progress.phase === 'done') next.delete(progress.accountId);
          else next.set(progress.accountId, progress);
          return next;
        }),
      ),
    [],
  );
  return byAccount;
}
