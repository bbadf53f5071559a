import { Alert, Col, Form, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { DELETE_AFTER_DAYS, NEVER_DELETE, type AccountFormValues } from './account-form.ts';

/**
 * IMAP or POP3, chosen when the account is added (a saved account keeps its kind: IMAP folders
 * and POP3's downloaded-message list do not convert into each other).
 */
export function IncomingKindField({ fixed }: { fixed: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item name="kind" label={t('mail.form.kind')} extra={fixed ? t('mail.form.kindFixed') : undefined}>
      <Radio.Group
        disabled={fixed}
        data-testid="mail-field-kind"
        options={(['imap', 'pop3'] as const).map((kind) => ({ value: kind, label: t(`mail.form.kinds.${kind}`) }))}
      />
    </Form.Item>
  );
}

/** POP3's server-side choices: leave a copy on the server (on by default), and when to delete it there. */
export function Pop3Fields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<AccountFormValues>();
  const leaveOnServer = Form.useWatch('leaveOnServer', form) ?? true;
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('mail.form.pop3Help')} data-testid="mail-form-pop3-help" />
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="leaveOnServer" label={t('mail.form.leaveOnServer')} valuePropName="checked" extra={t('mail.form.leaveOnServerHelp')}>
            <Switch data-testid="mail-field-leave-on-server" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="deleteAfterDays" label={t('mail.form.deleteAfter')}>
            <Select
              disabled={!leaveOnServer}
              data-testid="mail-field-delete-after"
              options={DELETE_AFTER_DAYS.map((days) => ({ value: days, label: days === NEVER_DELETE ? t('mail.form.deleteNever') : t('mail.form.deleteAfterDays', { count: days }) }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
