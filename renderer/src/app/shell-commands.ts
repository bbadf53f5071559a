import { useEffect, useRef } from 'react';

/** focusSearch: the customer list's search; focusGlobalSearch: the header's search over everything. */
/** newTask: the task form (for the customer whose folder is open). */
export type ShellCommand = 'focusSearch' | 'focusGlobalSearch' | 'newCustomer' | 'newTask';

type Handler = () => void;
const handlers = new Map<ShellCommand, Handler>();
const pending = new Set<ShellCommand>();

/**
 * Keyboard shortcuts fire before the page that handles them may be on screen (e.g. "/" on the
 * Settings page focuses the customer search after navigating); such a command waits here
 * until its handler mounts.
 */
export function runShellCommand(command: ShellCommand): void {
  const handler = handlers.get(command);
  if (handler) handler();
  else pending.add(command);
}

export function useShellCommand(command: ShellCommand, handler: Handler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const run = () => latest.current();
    handlers.set(command, run);
    if (pending.delete(command)) run();
    return () => {
      if (handlers.get(command) === run) handlers.delete(command);
    };
  }, [command]);
}
