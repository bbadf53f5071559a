import { Form, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';

interface Props<V> {
  /** Created by the caller, which may watch its fields. */
  form: FormInstance<V>;
  title: string;
  /** Names the OK button `<testId>-save`. */
  testId: string;
  initialValues: Partial<V> | undefined;
  /** The translated label of a field path, for errors the service returns per field. */
  labelOf(path: string): string | undefined;
  pending: boolean;
  /** Stores the values; a rejection keeps the dialog open with the errors shown. */
  save(values: V): Promise<unknown>;
  onClose(): void;
  children: ReactNode;
}

/** Adds or edits one settings record; it is mounted per opening, so `initialValues` apply. */
export function SettingsFormDialog<V>({ form, title, testId, initialValues, labelOf, pending, save, onClose, children }: Props<V>) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const onError = useFormErrorHandler(form, labelOf);

  async function submit(values: V): Promise<void> {
    try {
      await save(values);
      void message.success(t('settings.saved'));
      onClose();
    } catch (err) {
      onError(err);
    }
  }

  return (
    <Modal
      open
      title={title}
      okText={t('settings.save')}
      cancelText={t('settings.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-save` }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<V> form={form} layout="vertical" preserve={false} initialValues={initialValues} onFinish={(v) => void submit(v)}>
        {children}
      </Form>
    </Modal>
  );
}
