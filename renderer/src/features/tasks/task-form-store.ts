import type { PickedCustomer } from '../../ui/CustomerPicker.tsx';

/** What a new task starts with: the customer on screen, or a mail's follow-up. */
export interface TaskPreset {
  customer?: PickedCustomer | null;
  contactId?: string | null;
  messageId?: string | null;
  messageSubject?: string | null;
  title?: string;
  dueAt?: number;
}

/** Which task the form shows: a new one (with its preset) or a stored one. */
export type TaskFormRequest = { taskId: null; preset: TaskPreset } | { taskId: string };

type Listener = (request: TaskFormRequest) => void;
let listener: Listener | null = null;
let pending: TaskFormRequest | null = null;

/**
 * Opens the one task form of the shell (TaskFormHost) from anywhere — a customer's folder or row,
 * the mail reading pane, a shortcut — without each screen carrying its own modal. A request made
 * before the host has mounted waits for it.
 */
export function openTaskForm(request: TaskFormRequest): void {
  if (listener) listener(request);
  else pending = request;
}

export function listenForTaskForm(next: Listener): () => void {
  listener = next;
  if (pending) {
    next(pending);
    pending = null;
  }
  return () => {
    if (listener === next) listener = null;
  };
}
