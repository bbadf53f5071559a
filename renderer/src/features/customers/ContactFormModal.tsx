import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../../shared/contract/customers.contract.ts';
import { CHANNEL_KINDS, type ChannelKind } from '../../../../shared/domain/customer-enums.ts';
import { MAIL_LANGUAGES, type MailLanguage } from '../../../../shared/domain/message-language.ts';
import type { AppError } from '../../../../shared/contract/result.ts';
import { CallError } from '../../api/client.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useMutationCall } from '../../app/useCall.ts';

interface ChannelValue {
  kind: ChannelKind;
  value?: string;
  label?: string | null;
}

/** The mail-language option that stands for null (follow each mail): a Select option needs a value. */
const FOLLOW_EACH_MAIL = 'follow';

interface FormValues {
  name?: string;
  title?: string | null;
  isPrimary?: boolean;
  notes?: string | null;
  preferredLanguage?: MailLanguage | typeof FOLLOW_EACH_MAIL;
  channels?: ChannelValue[];
}


function remapChannelPaths(error: AppError, formIndexes: number[]): AppError {
  if (!error.fieldErrors) return error;
  return {
    ...error,
    fieldErrors: error.fieldErrors.map((fe) => {
      const match = /^channels\.(\d+)(\..*)?$/.exec(fe.path);
      const formIndex = match ? formIndexes[Number(match[1])] : undefined;
      return formIndex === undefined ? fe : { ...fe, path: `channels.${formIndex}${match?.[2] ?? ''}` };
    }),
  };
}

interface Props {
  customerId: string;
  contact: Contact | null;
  /** The first contact of a customer becomes its primary one. */
  isFirst: boolean;
  onClose(): void;
}

export function ContactFormModal({ customerId, contact, isFirst, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const create = useMutationCall('contacts.create');
  const update = useMutationCall('contacts.update');

  const labelOf = useCallback(
    (path: string): string | undefined => {
      const [head, index, leaf] = path.split('.');
      if (head === 'name' || head === 'title' || head === 'notes' || head === 'isPrimary' || head === 'preferredLanguage') return t(`contacts.fields.${head}`);
      if (head === 'channels' && index !== undefined) {
        const kind = (form.getFieldValue(['channels', Number(index), 'kind']) as ChannelKind | undefined) ?? 'other';
        return leaf === 'label' ? t('contacts.fields.channelLabel') : t(`channels.${kind}`);
      }
      return undefined;
    },
    [form, t],
  );
  const onError = useFormErrorHandler(form, labelOf);

  const initialValues: FormValues = contact
    ? {
        name: contact.name,
        title: contact.title,
        isPrimary: contact.isPrimary,
        notes: contact.notes,
        preferredLanguage: contact.preferredLanguage ?? FOLLOW_EACH_MAIL,
        channels: contact.channels,
      }
    : { isPrimary: isFirst, preferredLanguage: FOLLOW_EACH_MAIL, channels: [{ kind: 'email' }, { kind: 'phone' }] };

  const submit = async (values: FormValues) => {
    // An empty row the user did not fill is not a channel; remember where the others sit in
    // the form so the service's `channels.N` errors land on the right row.
    const kept = (values.channels ?? []).map((ch, formIndex) => ({ ch, formIndex })).filter(({ ch }) => (ch.value ?? '').trim() !== '');
    const input = {
      customerId,
      name: values.name ?? '',
      title: values.title ?? null,
      isPrimary: values.isPrimary ?? false,
      notes: values.notes ?? null,
      preferredLanguage: values.preferredLanguage === FOLLOW_EACH_MAIL ? null : (values.preferredLanguage ?? null),
      channels: kept.map(({ ch }) => ({ kind: ch.kind, value: ch.value ?? '', label: ch.label ?? null })),
    };
    try {
      if (contact) await update.mutateAsync({ ...input, id: contact.id });
      else await create.mutateAsync(input);
      onClose();
    } catch (err) {
      onError(err instanceof CallError ? new CallError(remapChannelPaths(err.error, kept.map((k) => k.formIndex))) : err);
    }
  };

  return (
    <Modal
      open
      title={contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="contact-form">
        <Form.Item name="name" label={t('contacts.fields.name')} required>
          <Input maxLength={100} autoFocus data-testid="contact-name" />
        </Form.Item>
        <Form.Item name="title" label={t('contacts.fields.title')}>
          <Input maxLength={100} data-testid="contact-title" placeholder={t('contacts.titlePlaceholder')} />
        </Form.Item>
        <Form.Item name="isPrimary" valuePropName="checked">
          <Checkbox data-testid="contact-primary">{t('contacts.fields.isPrimary')}</Checkbox>
        </Form.Item>
        <Form.Item name="preferredLanguage" label={t('contacts.fields.preferredLanguage')} extra={t('contacts.preferredLanguageHint')}>
          <Select
            style={{ width: 280 }}
            data-testid="contact-mail-language"
            options={[
              { value: FOLLOW_EACH_MAIL, label: t('contacts.mailLanguage.follow') },
              // Each language in its own name, as language pickers are written.
              ...MAIL_LANGUAGES.map((language) => ({ value: language, label: t(`contacts.mailLanguage.${language}`) })),
            ]}
          />
        </Form.Item>
        <Form.List name="channels">
          {(fields, { add, remove }) => (
            <div data-testid="contact-channels">
              <div className="ant-form-item-label">
                <label>{t('contacts.fields.channels')}</label>
              </div>
              {fields.map((field) => (
                <Space key={field.key} align="start" style={{ display: 'flex' }} data-testid="contact-channel">
                  <Form.Item name={[field.name, 'kind']} style={{ width: 130 }}>
                    <Select
                      aria-label={t('contacts.fields.channelKind')}
                      data-testid={`channel-kind-${field.name}`}
                      options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`channels.${k}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'value']} style={{ width: 280 }}>
                    <Input maxLength={200} aria-label={t('contacts.fields.channelValue')} data-testid={`channel-value-${field.name}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']} style={{ width: 120 }}>
                    <Input maxLength={40} placeholder={t('contacts.fields.channelLabel')} aria-label={t('contacts.fields.channelLabel')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('common.remove')} onClick={() => remove(field.name)} />
                </Space>
              ))}
              <Space wrap style={{ marginBottom: 16 }}>
                {CHANNEL_KINDS.filter((k) => k !== 'other').map((kind) => (
                  <Button key={kind} size="small" icon={<PlusOutlined />} onClick={() => add({ kind })} data-testid={`add-channel-${kind}`}>
                    {t(`channels.${kind}`)}
                  </Button>
                ))}
              </Space>
            </div>
          )}
        </Form.List>
        <Form.Item name="notes" label={t('contacts.fields.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
