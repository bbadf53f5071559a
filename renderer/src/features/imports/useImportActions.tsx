import { ExclamationCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useMutationCall } from '../../app/useCall.ts';
import { archiveName } from './import-format.ts';

/**
 * Cancel (confirmed), resume, and undo (confirmed, saying what goes) of one import. The
 * confirmations are antd's: Esc and the Cancel button close them, Enter takes the focused button.
 */
export function useImportActions() {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const showError = useShowError();
  const cancel = useMutationCall('imports.cancel');
  const resume = useMutationCall('imports.resume');
  const undo = useMutationCall('imports.undo');

  function confirmCancel(batch: ImportBatch): void {
    const name = archiveName(batch.sourcePath);
    modal.confirm({
      title: t('imports.center.running.cancelConfirm.title', { name }),
      icon: <ExclamationCircleOutlined />,
      content: <p data-testid="import-cancel-confirm">{t('imports.center.running.cancelConfirm.body')}</p>,
      okText: t('imports.center.running.cancelConfirm.ok'),
      cancelText: t('imports.center.running.cancelConfirm.keep'),
      okButtonProps: { danger: true, 'data-testid': 'import-cancel-confirm-ok' },
      onOk: async () => {
        try {
          await cancel.mutateAsync({ id: batch.id });
          void message.info(t('imports.center.running.cancelled', { name }));
        } catch (err) {
          showError(err);
        }
      },
    });
  }

  async function resumeImport(batch: ImportBatch): Promise<void> {
    try {
      await resume.mutateAsync({ id: batch.id });
      void message.success(t('imports.center.history.resumed', { name: archiveName(batch.sourcePath) }));
    } catch (err) {
      showError(err);
    }
  }

  function confirmUndo(batch: ImportBatch): void {
    const name = archiveName(batch.sourcePath);
    modal.confirm({
      title: t('imports.center.undoConfirm.title', { name }),
      icon: <UndoOutlined />,
      width: 520,
      content: (
        <div data-testid="import-undo-confirm">
          <p>
            {batch.contacts
              ? t('contactImport.center.undoBody', { path: batch.sourcePath, customers: batch.contacts.customersCreated, contacts: batch.contacts.contactsCreated, merged: batch.contacts.rowsMerged })
              : batch.imported > 0
                ? t('imports.center.undoConfirm.body', { count: batch.imported, path: batch.sourcePath })
                : t('imports.center.undoConfirm.bodyNothing', { path: batch.sourcePath })}
          </p>
          <p>{t(batch.contacts ? 'contactImport.center.undoKeep' : 'imports.center.undoConfirm.keep')}</p>
        </div>
      ),
      okText: t('imports.center.undoConfirm.ok'),
      okButtonProps: { danger: true, 'data-testid': 'import-undo-confirm-ok' },
      onOk: async () => {
        try {
          await undo.mutateAsync({ id: batch.id });
          void message.success(t('imports.center.undoConfirm.done', { name }));
        } catch (err) {
          showError(err);
        }
      },
    });
  }

  return { confirmCancel, resumeImport, confirmUndo, resuming: resume.isPending ? resume.variables?.id : undefined };
}
