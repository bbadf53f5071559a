import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography, type InputRef } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailTemplate } from '../../../../../shared/contract/mail-send.contract.ts';
import { unknownPlaceholders, type TemplatePlaceholder } from '../../../../../shared/domain/mail-template.ts';
import { useFormErrorHandler, useShowError } from '../../../app/app-errors.ts';
import { useMutationCall } from '../../../app/useCall.ts';
import { PlaceholderPicker } from './PlaceholderPicker.tsx';
import { insertAt, placeholderToken } from './template-helpers.ts';
import { TemplatePreview } from './TemplatePreview.tsx';
import { useFeedback } from '../../../app/feedback.ts';
import './templates.css';

interface Values {
  name: string;
  subject: string;
  text: string;
}

type Field = 'subject' | 'text';

interface Props {
  /** null: a new template. */
  template: MailTemplate | null;
  onSaved(template: MailTemplate): void;
  onRemoved(): void;
}

/** Name, subject and text of a template, placeholders picked from a menu, and a live preview. */
export function TemplateEditor({ template, onSaved, onRemoved }: Props) {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useMutationCall('mail.saveTemplate');
  const remove = useMutationCall('mail.removeTemplate');
  const subjectRef = useRef<InputRef>(null);
  const textRef = useRef<TextAreaRef>(null);
  // Where a picked placeholder goes: the field written in last (the body until then).
  const lastField = useRef<Field>('text');
  const subject = Form.useWatch('subject', form) ?? template?.subject ?? '';
  const text = Form.useWatch('text', form) ?? template?.text ?? '';

  const labels = useMemo<Record<string, string>>(
    () => ({ name: t('mail.templates.name'), subject: t('mail.composer.subject'), text: t('mail.composer.body') }),
    [t],
  );
  const labelOf = useCallback((path: string) => labels[path.split('.')[0]!], [labels]);
  const onError = useFormErrorHandler(form, labelOf);

  function insert(placeholder: TemplatePlaceholder): void {
    const field = lastField.current;
    const element = field === 'subject' ? subjectRef.current?.input : textRef.current?.resizableTextArea?.textArea;
    const value: string = form.getFieldValue(field) ?? '';
    const next = insertAt(value, element?.selectionStart ?? value.length, element?.selectionEnd ?? value.length, placeholderToken(placeholder));
    form.setFieldValue(field, next.value);
    void form.validateFields([field]).catch(() => {});
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  }

  // The same check the service makes on save, as the user types.
  const knownPlaceholders = (field: Field) => ({
    validator: (_: unknown, value: string | undefined) => {
      const [unknown] = unknownPlaceholders({ [field]: value ?? '' });
      return unknown ? Promise.reject(new Error(t('errors.mailTemplateUnknownPlaceholder', { placeholder: unknown.placeholder }))) : Promise.resolve();
    },
  });

  async function submit(values: Values): Promise<void> {
    try {
      // The editor writes plain text; a template's HTML version (made elsewhere) is replaced by it.
      const saved = await save.mutateAsync({ id: template?.id ?? null, name: values.name, subject: values.subject, text: values.text, html: null });
      void message.success(t('mail.templates.saved', { name: saved.name }));
      onSaved(saved);
    } catch (err) {
      onError(err);
    }
  }

  const confirmRemove = () => {
    if (!template) return;
    modal.confirm({
      // The safe choice has the focus: Enter must not throw work away.
      autoFocusButton: 'cancel',
      title: t('mail.templates.removeTitle', { name: template.name }),
      content: t('mail.templates.removeBody'),
      okText: t('common.delete'),
      okButtonProps: { danger: true, 'data-testid': 'template-remove-ok' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: template.id });
          void message.success(t('mail.templates.removed', { name: template.name }));
          onRemoved();
        } catch (err) {
          showError(err);
        }
      },
    });
  };

  return (
    <div className="template-editor" data-testid="template-editor">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ name: template?.name ?? '', subject: template?.subject ?? '', text: template?.text ?? '' }}
        onFinish={(v) => void submit(v)}
        data-testid="template-form"
      >
        <Form.Item name="name" label={labels.name} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: labels.name }) }]}>
          <Input maxLength={200} placeholder={t('mail.templates.namePlaceholder')} data-testid="template-name" />
        </Form.Item>
        <div className="template-toolbar">
          <Typography.Text type="secondary">{t('mail.templates.placeholderHelp', { example: '{{contact.firstName | there}}' })}</Typography.Text>
          <PlaceholderPicker onPick={insert} />
        </div>
        <Form.Item name="subject" label={labels.subject} rules={[knownPlaceholders('subject')]}>
          <Input ref={subjectRef} maxLength={998} onFocus={() => (lastField.current = 'subject')} data-testid="template-subject" />
        </Form.Item>
        <Form.Item
          name="text"
          label={labels.text}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: labels.text }) }, knownPlaceholders('text')]}
        >
          <Input.TextArea ref={textRef} autoSize={{ minRows: 8, maxRows: 24 }} onFocus={() => (lastField.current = 'text')} data-testid="template-text" />
        </Form.Item>
        {template?.html && <Alert type="info" showIcon className="compose-note" title={t('mail.templates.htmlReplaced')} />}
        <Space className="template-actions">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="template-save">
            {t('common.save')}
          </Button>
          {template && (
            <Button danger icon={<DeleteOutlined />} onClick={confirmRemove} data-testid="template-remove">
              {t('common.delete')}
            </Button>
          )}
        </Space>
      </Form>
      <Typography.Title level={5} className="template-preview-title">
        {t('mail.templates.preview')}
      </Typography.Title>
      <TemplatePreview subject={subject} text={text} />
    </div>
  );
}
