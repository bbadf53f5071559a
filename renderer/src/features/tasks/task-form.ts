import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { CallInput } from '../../../../shared/contract/contract.ts';
import type { Task } from '../../../../shared/contract/tasks.contract.ts';
import type { RepeatUnit, TaskKind, TaskPriority } from '../../../../shared/domain/task-repeat.ts';
import type { PickedCustomer } from '../../ui/CustomerPicker.tsx';
import type { TaskPreset } from './task-form-store.ts';

/** The form's fields; named as the contract's, so the service's field errors land on them. */
export interface TaskFormValues {
  kind: TaskKind;
  title: string;
  dueAt: Dayjs | null;
  durationMin: number | null;
  place: string | null;
  priority: TaskPriority;
  customerId: PickedCustomer | null;
  contactId: string | null;
  ownerId: string | null;
  repeatUnit: RepeatUnit | 'none';
  repeatEvery: number | null;
  notes: string | null;
}

/** Tomorrow 09:00: when a new task is due unless it says otherwise. */
export function defaultDue(): Dayjs {
  return dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
}

export function formValues(task: Task | undefined, preset: TaskPreset): TaskFormValues {
  if (task) {
    return {
      kind: task.kind,
      title: task.title,
      dueAt: dayjs(task.dueAt),
      durationMin: task.durationMin,
      place: task.place,
      priority: task.priority,
      customerId: task.customerId ? { id: task.customerId, name: task.customerName ?? '', code: task.customerCode ?? '' } : null,
      contactId: task.contactId,
      ownerId: task.ownerId,
      repeatUnit: task.repeat?.unit ?? 'none',
      repeatEvery: task.repeat?.every ?? 1,
      notes: task.notes,
    };
  }
  return {
    kind: 'task',
    title: preset.title ?? '',
    dueAt: preset.dueAt !== undefined ? dayjs(preset.dueAt) : defaultDue(),
    durationMin: 60,
    place: null,
    priority: 'normal',
    customerId: preset.customer ?? null,
    contactId: preset.contactId ?? null,
    ownerId: null,
    repeatUnit: 'none',
    repeatEvery: 1,
    notes: null,
  };
}

/** The create input (an update sends the same fields with the id). */
export function toInput(v: TaskFormValues, messageId: string | null): CallInput<'tasks.create'> {
  return {
    kind: v.kind,
    title: v.title ?? '',
    // An empty date fails the contract's check, which names the field.
    dueAt: v.dueAt ? v.dueAt.valueOf() : Number.NaN,
    durationMin: v.kind === 'appointment' ? (v.durationMin ?? null) : null,
    place: v.kind === 'appointment' ? (v.place ?? null) : null,
    priority: v.priority,
    customerId: v.customerId?.id ?? null,
    contactId: v.customerId ? (v.contactId ?? null) : null,
    ownerId: v.ownerId ?? null,
    messageId,
    repeat: v.repeatUnit === 'none' ? null : { unit: v.repeatUnit, every: v.repeatEvery ?? 1 },
    notes: v.notes ?? null,
  };
}
