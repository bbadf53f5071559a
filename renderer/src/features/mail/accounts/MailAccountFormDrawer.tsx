import { ApiOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Collapse, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../../shared/contract/contract.ts';
import type { MailAccount } from '../../../../../shared/contract/mail.contract.ts';
import { MAIL_SECURITY, type MailSecurity } from '../../../../../shared/domain/mail-enums.ts';
import { MAIL_PROVIDERS } from '../../../../../shared/domain/mail-providers.ts';
import { useFormErrorHandler } from '../../../app/app-errors.ts';
import { useMutationCall } from '../../../app/useCall.ts';
import {
  accountFormFrom,
  ALL_MAIL,
  CUSTOM_PROVIDER,
  emptyAccountForm,
  followEmail,
  passwordAtHand,
  passwordKindOf,
  portForKind,
  portForSecurity,
  presetByKey,
  presetServers,
  serversChanged,
  SYNC_WINDOWS,
  toAddInput,
  toEditInput,
  type AccountFormValues,
} from './account-form.ts';
import { ConnectionTestSteps } from './ConnectionTestSteps.tsx';
import { IncomingKindField, Pop3Fields } from './Pop3Fields.tsx';
import '../mail.css';
import { useFeedback } from '../../../app/feedback.ts';

type TestResult = CallOutput<'mail.testAccount'>;

interface Props {
  /** null adds a new account. */
  account: MailAccount | null;
  onClose(): void;
  onSaved?(account: MailAccount): void;
}

/**
 * Adds or edits a mail account: the address suggests the provider's servers, the form says
 * when an authorization code or app password is needed, "Test connection" shows each step, and
 * the service's field errors land on the fields. A stored password is never shown back.
 */
export function MailAccountFormDrawer({ account, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<AccountFormValues>();
  const add = useMutationCall('mail.addAccount');
  const edit = useMutationCall('mail.editAccount');
  const test = useMutationCall('mail.testAccount');
  const syncNow = useMutationCall('mail.syncNow');
  const [result, setResult] = useState<TestResult | null>(null);
  const initialValues = useMemo(() => (account ? accountFormFrom(account) : emptyAccountForm()), [account]);
  // Follow-the-address state: the last address seen, and whether the user chose a provider.
  const lastEmail = useRef(initialValues.email);
  const providerPicked = useRef(account !== null);
  // The security before the latest change, so a standard port can follow it.
  const securityBefore = useRef<Record<'imap' | 'smtp', MailSecurity>>({ imap: initialValues.imap.security, smtp: initialValues.smtp.security });
  const provider = Form.useWatch('provider', form) ?? initialValues.provider;
  const kind = Form.useWatch('kind', form) ?? initialValues.kind;
  const passwordKind = passwordKindOf(provider);
  const needsPassword = account === null || !passwordAtHand(account);

  const labels = useFieldLabels();
  const labelOf = useCallback((path: string) => labels[path], [labels]);
  const onError = useFormErrorHandler(form, labelOf);

  function onValuesChange(changed: Partial<AccountFormValues>, values: AccountFormValues): void {
    setResult(null);
    if (changed.email !== undefined) {
      form.setFieldsValue(followEmail(values, lastEmail.current, providerPicked.current));
      lastEmail.current = values.email.trim().toLowerCase();
    }
    if (changed.provider !== undefined) {
      providerPicked.current = true;
      const preset = presetByKey(changed.provider);
      if (preset) form.setFieldsValue(presetServers(preset, values.email.trim(), values.kind));
    }
    if (changed.kind !== undefined) {
      // A provider's incoming server is another host for POP3; a typed one keeps its host, and a standard port follows.
      const preset = presetByKey(values.provider);
      const before = changed.kind === 'pop3' ? 'imap' : 'pop3';
      if (preset) form.setFieldValue('imap', { ...(changed.kind === 'pop3' ? preset.pop3 : preset.imap), user: values.imap.user });
      else form.setFieldValue(['imap', 'port'], portForKind(values.imap.port, values.imap.security, before, changed.kind));
    }
    for (const server of ['imap', 'smtp'] as const) {
      const security = changed[server]?.security;
      if (security !== undefined) {
        // The incoming server's standard ports are POP3's when the account is POP3.
        const ports = server === 'imap' ? values.kind : 'smtp';
        form.setFieldValue([server, 'port'], portForSecurity(ports, values[server].port, securityBefore.current[server], security));
      }
    }
    // After the changes above, presets included (setting fields fires no change event).
    securityBefore.current = { imap: form.getFieldValue(['imap', 'security']) as MailSecurity, smtp: form.getFieldValue(['smtp', 'security']) as MailSecurity };
  }

  async function runTest(): Promise<void> {
    setResult(null);
    try {
      const values = await form.validateFields();
      // A saved account without a typed password is tested as stored; changed servers need it typed.
      if (account && !values.password) {
        if (serversChanged(account, values)) {
          form.setFields([{ name: 'password', errors: [t('mail.form.passwordForTest')] }]);
          return;
        }
        setResult(await test.mutateAsync({ id: account.id }));
        return;
      }
      setResult(await test.mutateAsync(toAddInput(values)));
    } catch (err) {
      // validateFields rejects with the form's own errors, already shown on the fields.
      if (err && typeof err === 'object' && 'errorFields' in err) return;
      onError(err);
    }
  }

  async function save(values: AccountFormValues): Promise<void> {
    try {
      const saved = account ? await edit.mutateAsync(toEditInput(account, values)) : await add.mutateAsync(toAddInput(values));
      if (saved.syncEnabled && passwordAtHand(saved)) await syncNow.mutateAsync({ accountId: saved.id }).catch(() => undefined);
      void message.success(account ? t('mail.form.saved') : t('mail.form.added'));
      onSaved?.(saved);
      onClose();
    } catch (err) {
      onError(err);
    }
  }

  const passwordLabel = t(`mail.form.passwordKinds.${passwordKind}`);
  const preset = presetByKey(provider);
  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      destroyOnHidden
      title={account ? t('mail.form.editTitle', { email: account.email }) : t('mail.form.addTitle')}
      data-testid="mail-account-form"
      footer={
        <Space style={{ float: 'right' }}>
          <Button icon={<ApiOutlined />} loading={test.isPending} onClick={() => void runTest()} data-testid="mail-account-test">
            {t('mail.form.test')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={add.isPending || edit.isPending} onClick={() => form.submit()} data-testid="mail-account-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form<AccountFormValues> form={form} layout="vertical" initialValues={initialValues} onValuesChange={onValuesChange} onFinish={(v) => void save(v)}>
        {account && !passwordAtHand(account) && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('mail.form.passwordMissing')} data-testid="mail-form-password-missing" />}
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item
              name="email"
              label={labels.email}
              rules={[
                { required: true, whitespace: true, message: t('validation.required', { field: labels.email }) },
                { type: 'email', message: t('validation.invalidEmail', { field: labels.email }) },
              ]}
            >
              <Input autoComplete="email" maxLength={320} autoFocus={!account} data-testid="mail-field-email" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="provider" label={t('mail.form.provider')}>
              <Select
                data-testid="mail-field-provider"
                options={[...MAIL_PROVIDERS.map((p) => ({ value: p.key, label: p.name })), { value: CUSTOM_PROVIDER, label: t('mail.form.customProvider') }]}
              />
            </Form.Item>
          </Col>
        </Row>
        <IncomingKindField fixed={account !== null} />
        {passwordKind !== 'password' && preset && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="mail-form-password-hint" data-kind={passwordKind} title={t(`mail.form.passwordHelp.${passwordKind}`, { provider: preset.name })} />
        )}
        <Form.Item
          name="password"
          label={passwordLabel}
          extra={needsPassword ? undefined : t('mail.form.passwordKeep')}
          rules={needsPassword ? [{ required: true, message: t('validation.required', { field: passwordLabel }) }] : []}
        >
          <Input.Password autoComplete="new-password" maxLength={1000} data-testid="mail-field-password" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="name" label={labels.name} extra={t('mail.form.nameHelp')}>
              <Input maxLength={100} data-testid="mail-field-name" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="displayName" label={labels.displayName} extra={t('mail.form.displayNameHelp')}>
              <Input maxLength={200} data-testid="mail-field-display-name" />
            </Form.Item>
          </Col>
        </Row>
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          defaultActiveKey={initialValues.provider === CUSTOM_PROVIDER ? ['servers'] : []}
          items={[
            {
              key: 'servers',
              label: <span data-testid="mail-form-servers">{t('mail.form.servers')}</span>,
              // Mounted while folded, so the values are submitted and their errors can be shown.
              forceRender: true,
              children: (
                <>
                  <ServerFields kind="imap" legend={t(kind === 'pop3' ? 'mail.form.pop3' : 'mail.form.imap')} />
                  <ServerFields kind="smtp" legend={t('mail.form.smtp')} />
                  <Form.Item name="smtpPassword" label={labels.smtpPassword} extra={t('mail.form.smtpPasswordHelp')}>
                    <Input.Password autoComplete="new-password" maxLength={1000} data-testid="mail-field-smtp-password" />
                  </Form.Item>
                </>
              ),
            },
          ]}
        />
        {kind === 'pop3' && <Pop3Fields />}
        <Row gutter={12}>
          {/* POP3 downloads the whole Inbox: a window has nothing to choose from. */}
          <Col span={12} style={kind === 'pop3' ? { display: 'none' } : undefined}>
            <Form.Item name="syncWindowDays" label={labels.syncWindowDays} extra={t('mail.form.syncWindowHelp')}>
              <Select
                data-testid="mail-field-sync-window"
                options={SYNC_WINDOWS.map((days) => ({
                  value: days,
                  label: days === ALL_MAIL ? t('mail.form.allMail') : t('mail.form.lastMonths', { count: Math.round(days / 30.4) }),
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="syncEnabled" label={t('mail.form.syncEnabled')} valuePropName="checked">
              <Switch data-testid="mail-field-sync-enabled" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {result && <ConnectionTestSteps result={result} />}
    </Drawer>
  );
}

/** Host, port, security and login of one server; "None" security is for this computer only. */
function ServerFields({ kind, legend }: { kind: 'imap' | 'smtp'; legend: string }) {
  const { t } = useTranslation();
  const labels = useFieldLabels();
  const field = (name: string) => labels[`${kind}.${name}`]!;
  const required = (name: string) => [{ required: true, whitespace: true, message: t('validation.required', { field: field(name) }) }];
  return (
    <fieldset className="mail-server-fields" data-testid={`mail-server-${kind}`}>
      <legend>{legend}</legend>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name={[kind, 'host']} label={t('mail.form.host')} rules={required('host')}>
            <Input maxLength={253} placeholder={kind === 'imap' ? 'imap.example.com' : 'smtp.example.com'} data-testid={`mail-field-${kind}-host`} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[kind, 'port']} label={t('mail.form.port')} rules={[{ required: true, type: 'number', min: 1, max: 65535, message: t('validation.required', { field: field('port') }) }]}>
            <InputNumber min={1} max={65535} style={{ width: '100%' }} data-testid={`mail-field-${kind}-port`} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name={[kind, 'security']} label={t('mail.form.security')}>
            <Select data-testid={`mail-field-${kind}-security`} options={MAIL_SECURITY.map((s) => ({ value: s, label: t(`mail.form.securityOptions.${s}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[kind, 'user']} label={t('mail.form.user')} rules={required('user')}>
        <Input maxLength={320} autoComplete="username" data-testid={`mail-field-${kind}-user`} />
      </Form.Item>
    </fieldset>
  );
}

/** Translated labels by contract field path, for errors the service returns per field. */
function useFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => {
    const labels: Record<string, string> = {
      email: t('mail.form.email'),
      name: t('mail.form.name'),
      displayName: t('mail.form.displayName'),
      password: t('mail.form.password'),
      smtpPassword: t('mail.form.smtpPassword'),
      syncWindowDays: t('mail.form.syncWindow'),
    };
    for (const kind of ['imap', 'smtp'] as const) {
      for (const part of ['host', 'port', 'security', 'user'] as const) labels[`${kind}.${part}`] = `${t(`mail.form.${kind}`)} · ${t(`mail.form.${part}`)}`;
    }
    return labels;
  }, [t]);
}
