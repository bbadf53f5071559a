import { createElement } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TaskRow } from '../../../../shared/contract/tasks.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useMutationCall } from '../../app/useCall.ts';

/** A toast with an Undo button (undo is cheap for tasks: reopen, restore). */
function useUndoToast() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  return (key: string, text: string, undo: () => void) =>
    message.open({
      key,
      type: 'success',
      duration: 6,
      content: createElement(
        'span',
        null,
        text,
        ' ',
        createElement(Button, { size: 'small', type: 'link', 'data-testid': 'task-undo', onClick: () => (message.destroy(key), undo()) }, t('tasks.undo')),
      ),
    });
}

/** Done, reopen and delete of a task, each with an Undo; delete asks first. */
export function useTaskActions() {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const showError = useShowError();
  const complete = useMutationCall('tasks.complete');
  const reopen = useMutationCall('tasks.reopen');
  const remove = useMutationCall('tasks.remove');
  const restore = useMutationCall('tasks.restore');
  const toast = useUndoToast();

  const doReopen = (task: TaskRow) => reopen.mutateAsync({ id: task.id }).catch(showError);
  return {
    complete: (task: TaskRow) =>
      complete.mutateAsync({ id: task.id }).then(() => toast(`task-${task.id}`, t('tasks.completed', { title: task.title }), () => void doReopen(task)), showError),
    reopen: (task: TaskRow) =>
      doReopen(task).then(() => toast(`task-${task.id}`, t('tasks.reopened', { title: task.title }), () => void complete.mutateAsync({ id: task.id }).catch(showError))),
    remove: (task: TaskRow) =>
      modal.confirm({
        title: t('tasks.deleteTitle', { title: task.title }),
        content: t('tasks.deleteBody'),
        okText: t('common.delete'),
        okButtonProps: { danger: true, 'data-testid': 'task-delete-confirm' },
        cancelText: t('common.cancel'),
        onOk: () =>
          remove
            .mutateAsync({ id: task.id })
            .then(() => toast(`task-${task.id}`, t('tasks.deleted', { title: task.title }), () => void restore.mutateAsync({ id: task.id }).catch(showError)), showError),
      }),
  };
}
