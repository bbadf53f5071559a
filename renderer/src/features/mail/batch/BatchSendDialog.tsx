import { Alert, Button, Checkbox, Form, InputNumber, Modal, Result, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../../shared/contract/contract.ts';
import type { BatchCustomer } from '../../../../../shared/contract/mail-send.contract.ts';
import { BATCH_RATE_DEFAULT, BATCH_RATE_MAX, BATCH_RATE_MIN } from '../../../../../shared/domain/mail-outbox.ts';
import { useShowError } from '../../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../../app/useCall.ts';
import { addressFull } from '../mail-format.ts';
import { mailViewHref } from '../mail-route.ts';
import { TemplatePreviewCard } from '../templates/TemplatePreviewCard.tsx';
import { BatchRecipientList } from './BatchRecipientList.tsx';
import { planRecipients } from './batch-helpers.ts';
import '../mail.css';

/** mail.sendBatch takes at most this many contacts. */
const MAX_CUSTOMERS = 1000;

/** What mail.sendBatch answered, and the customers left out before it (no contact with an email). */
type BatchResult = CallOutput<'mail.sendBatch'> & { withoutEmail: BatchCustomer[] };

/**
 * "Send personalised mail" for the customers selected in the list: a template, the account,
 * a polite pace, who at each customer gets it, a preview for the first one; then one mail per
 * contact goes to the outbox and out at that pace.
 */
export function BatchSendDialog(props: { customerIds: string[]; open: boolean; onClose(done: boolean): void }) {
  const { customerIds, open, onClose } = props;
  const { t } = useTranslation();
  const [result, setResult] = useState<BatchResult | null>(null);

  // Each opening starts over (React's "adjust state on prop change" pattern).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setResult(null);
  }

  return (
    <Modal
      open={open}
      width={720}
      title={t('mail.batch.title', { count: customerIds.length })}
      onCancel={() => onClose(result !== null)}
      footer={null}
      destroyOnHidden
      data-testid="batch-dialog"
    >
      {result ? <BatchDone result={result} onClose={() => onClose(true)} /> : <BatchForm customerIds={customerIds} onSent={setResult} onCancel={() => onClose(false)} />}
    </Modal>
  );
}

interface FormValues {
  templateId: string | undefined;
  accountId: string | undefined;
  ratePerMinute: number;
  includeSignature: boolean;
}

function BatchForm({ customerIds, onSent, onCancel }: { customerIds: string[]; onSent(result: BatchResult): void; onCancel(): void }) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const ids = customerIds.slice(0, MAX_CUSTOMERS);
  const recipients = useCall('mail.batchRecipients', { customerIds: ids }, { enabled: ids.length > 0 });
  const templates = useCall('mail.listTemplates', {});
  const accounts = useCall('mail.listAccounts', {});
  const send = useMutationCall('mail.sendBatch');
  const [choices, setChoices] = useState<ReadonlyMap<string, string>>(new Map());
  const senders = (accounts.data ?? []).filter((a) => a.kind === 'imap' && a.smtp !== null);
  const templateId = Form.useWatch('templateId', form);
  const accountId = Form.useWatch('accountId', form) ?? senders[0]?.id;
  const rate = Form.useWatch('ratePerMinute', form) ?? BATCH_RATE_DEFAULT;
  const plan = planRecipients(recipients.data ?? [], choices);
  const first = plan.contactIds[0];
  const preview = useCall(
    'mail.previewTemplate',
    { templateId: templateId ?? null, contactId: first ?? '', accountId: accountId ?? null },
    { enabled: !!templateId && !!first, retry: false },
  );

  async function submit(values: FormValues): Promise<void> {
    if (!values.templateId || !accountId || plan.contactIds.length === 0) return;
    try {
      const sent = await send.mutateAsync({
        templateId: values.templateId,
        accountId,
        contactIds: plan.contactIds,
        ratePerMinute: values.ratePerMinute,
        includeSignature: values.includeSignature,
      });
      onSent({ ...sent, withoutEmail: plan.withoutEmail });
    } catch (err) {
      showError(err);
    }
  }

  if (recipients.isLoading || templates.isLoading || accounts.isLoading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (senders.length === 0) return <Alert type="warning" showIcon title={t('errors.mailNoSendingAccount')} data-testid="batch-no-account" />;
  const noTemplates = (templates.data ?? []).length === 0;
  const minutes = Math.max(1, Math.ceil(plan.contactIds.length / Math.max(rate, 1)));

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={{ templateId: undefined, accountId: senders[0]?.id, ratePerMinute: BATCH_RATE_DEFAULT, includeSignature: true }}
      onFinish={(v) => void submit(v)}
      data-testid="batch-form"
    >
      {customerIds.length > MAX_CUSTOMERS && <Alert type="warning" showIcon className="compose-note" title={t('mail.batch.tooMany', { max: MAX_CUSTOMERS })} />}
      {noTemplates ? (
        <Alert
          type="info"
          showIcon
          className="compose-note"
          title={t('mail.batch.noTemplates')}
          action={<Button href={mailViewHref('templates')}>{t('mail.templates.new')}</Button>}
          data-testid="batch-no-templates"
        />
      ) : (
        <Form.Item name="templateId" label={t('mail.batch.template')} rules={[{ required: true, message: t('mail.batch.pickTemplate') }]}>
          <Select<string>
            placeholder={t('mail.batch.pickTemplate')}
            data-testid="batch-template"
            options={(templates.data ?? []).map((tpl) => ({ value: tpl.id, label: tpl.name }))}
          />
        </Form.Item>
      )}
      <div className="batch-settings">
        {senders.length > 1 ? (
          <Form.Item name="accountId" label={t('mail.composer.from')}>
            <Select<string> data-testid="batch-account" options={senders.map((a) => ({ value: a.id, label: addressFull({ name: a.displayName ?? a.name, address: a.email }) }))} />
          </Form.Item>
        ) : (
          <Form.Item label={t('mail.composer.from')}>
            <span>{addressFull({ name: senders[0]!.displayName ?? senders[0]!.name, address: senders[0]!.email })}</span>
          </Form.Item>
        )}
        <Form.Item name="ratePerMinute" label={t('mail.batch.rate')} extra={t('mail.batch.rateHelp', { count: plan.contactIds.length, minutes })}>
          <InputNumber min={BATCH_RATE_MIN} max={BATCH_RATE_MAX} precision={0} suffix={t('mail.batch.perMinute')} style={{ width: '100%' }} data-testid="batch-rate" />
        </Form.Item>
      </div>
      <Form.Item name="includeSignature" valuePropName="checked">
        <Checkbox data-testid="batch-signature">{t('mail.batch.includeSignature')}</Checkbox>
      </Form.Item>
      <Typography.Title level={5}>{t('mail.batch.recipients', { count: plan.contactIds.length })}</Typography.Title>
      <BatchRecipientList customers={recipients.data ?? []} choices={choices} onChoose={(customerId, contactId) => setChoices((m) => new Map(m).set(customerId, contactId))} />
      {plan.withoutEmail.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="compose-note"
          data-testid="batch-skipped-before"
          title={t('mail.batch.willSkip', { count: plan.withoutEmail.length, names: plan.withoutEmail.map((c) => c.name).join(', ') })}
        />
      )}
      {templateId && first && (
        <>
          <Typography.Title level={5}>{t('mail.batch.previewFirst')}</Typography.Title>
          <TemplatePreviewCard preview={preview.data} loading={preview.isFetching} error={preview.error} />
        </>
      )}
      <div className="compose-footer">
        <span />
        <span>
          <Button onClick={onCancel} style={{ marginRight: 8 }}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={send.isPending} disabled={noTemplates || plan.contactIds.length === 0} data-testid="batch-send">
            {t('mail.batch.send', { count: plan.contactIds.length })}
          </Button>
        </span>
      </div>
    </Form>
  );
}

function BatchDone({ result, onClose }: { result: BatchResult; onClose(): void }) {
  const { t } = useTranslation();
  const { batch } = result;
  // Everyone who gets nothing, whether left out here (no email) or by the service (a shared address).
  const skipped = [
    ...result.withoutEmail.map((c) => ({ key: c.customerId, name: c.name, reason: 'noEmail' as const })),
    ...result.skipped.map((s) => ({ key: s.contactId, name: s.name, reason: s.reason })),
  ];
  return (
    <Result
      status="success"
      title={t('mail.batch.queued', { count: batch.total })}
      subTitle={t('mail.batch.queuedPace', { rate: batch.ratePerMinute })}
      data-testid="batch-done"
      extra={[
        <Button key="outbox" type="primary" href={mailViewHref('outbox', { batchId: batch.id })} onClick={onClose} data-testid="batch-open-outbox">
          {t('mail.batch.openOutbox')}
        </Button>,
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
      ]}
    >
      {skipped.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="batch-skipped"
          title={t('mail.batch.skipped', { count: skipped.length })}
          description={
            <ul className="batch-skipped-list">
              {skipped.map((s) => (
                <li key={s.key} data-testid="batch-skipped-contact">
                  {s.name ?? t('mail.batch.unknownContact')} — {t(`mail.batch.skipReasons.${s.reason}`)}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Result>
  );
}
