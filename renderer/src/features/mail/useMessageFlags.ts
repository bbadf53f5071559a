import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useShowError } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';

/** How long a message is open before it counts as read (a glance while moving through the list does not). */
export const MARK_READ_DELAY_MS = 1000;

export type FlagChange = { seen?: boolean; flagged?: boolean };

/**
 * Read / unread and star. The service changes the local rows before it answers, and its
 * `data.changed` refreshes lists and unread counts; the mail server follows in the background.
 */
export function useSetFlags(): (ids: string[], change: FlagChange) => void {
  const { mutate } = useMutationCall('mail.setFlags');
  const showError = useShowError();
  return useCallback((ids, change) => mutate({ ids, ...change }, { onError: showError }), [mutate, showError]);
}

/**
 * Marks the open message read after MARK_READ_DELAY_MS, once per opening: after "Mark unread"
 * it stays unread until the user opens it again (another message, then this one). `handled`
 * lets a manual action claim the opening before the timer fires.
 */
export function useAutoMarkRead(message: { id: string; seen: boolean } | undefined, setFlags: (ids: string[], change: FlagChange) => void): { handled(id: string): void } {
  const opening = useRef<{ id: string | null; handled: boolean }>({ id: null, handled: false });
  const id = message?.id ?? null;
  const unread = message !== undefined && !message.seen;
  useEffect(() => {
    if (opening.current.id !== id) opening.current = { id, handled: false };
    if (id === null || !unread || opening.current.handled) return;
    const timer = window.setTimeout(() => {
      opening.current.handled = true;
      setFlags([id], { seen: true });
    }, MARK_READ_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [id, unread, setFlags]);
  return useMemo(
    () => ({
      handled(messageId: string) {
        if (opening.current.id === messageId) opening.current.handled = true;
      },
    }),
    [],
  );
}
