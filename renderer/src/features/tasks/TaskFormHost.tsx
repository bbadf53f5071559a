import { lazy, Suspense, useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { parseRoute } from '../../app/routes.ts';
import { useShellCommand } from '../../app/shell-commands.ts';
import { withFullStyles } from '../../app/full-styles.ts';
import { listenForTaskForm, openTaskForm, type TaskFormRequest } from './task-form-store.ts';

const loadForm = withFullStyles(() => import('./TaskFormModal.tsx'));
const TaskFormModal = lazy(() => loadForm().then((m) => ({ default: m.TaskFormModal })));

/**
 * The shell's one task form, opened by openTaskForm() and by the new-task shortcut. On a
 * customer's folder the shortcut's task is for that customer. Its code loads on first use.
 */
export function TaskFormHost() {
  const [request, setRequest] = useState<TaskFormRequest | null>(null);
  useEffect(() => listenForTaskForm(setRequest), []);
  useShellCommand('newTask', () => {
    const route = parseRoute(window.location.hash);
    if (route.page !== 'customer') return openTaskForm({ taskId: null, preset: {} });
    call('customers.get', { id: route.id }).then(
      (c) => openTaskForm({ taskId: null, preset: { customer: { id: c.id, name: c.name, code: c.code } } }),
      () => openTaskForm({ taskId: null, preset: {} }),
    );
  });
  if (!request) return null;
  return (
    <Suspense fallback={null}>
      <TaskFormModal key={JSON.stringify(request)} request={request} onClose={() => setRequest(null)} />
    </Suspense>
  );
}
