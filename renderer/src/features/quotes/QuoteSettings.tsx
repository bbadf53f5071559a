import { Button, Card, Form, Input, InputNumber } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatQuoteNumber, isQuoteNumberPattern, quoteNumberScope } from '../../../../shared/domain/quote-number.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

interface Values {
  quoteNumberPattern: string;
  quoteFollowUpDays: number;
  sampleFollowUpDays: number;
}

/**
 * Settings for quotes and samples: the quote number pattern (with the number it would give next)
 * and the days before a quote's follow-up and before asking a buyer for sample feedback.
 */
export function QuoteSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const settings = useCall('settings.get', {});
  const update = useMutationCall('settings.update');
  const pattern = Form.useWatch('quoteNumberPattern', form) ?? settings.data?.quoteNumberPattern ?? '';
  const labelOf = useCallback((path: string) => (path === 'quoteNumberPattern' ? t('quotes.settings.pattern') : path === 'quoteFollowUpDays' ? t('quotes.settings.followUpDays') : path === 'sampleFollowUpDays' ? t('quotes.settings.sampleFollowUpDays') : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);
  const [now] = useState(() => Date.now());
  if (!settings.data) return null;
  const example = isQuoteNumberPattern(pattern) ? formatQuoteNumber(quoteNumberScope(pattern, now), 1) : '—';
  return (
    <Card size="small" title={t('quotes.settings.title')} style={{ maxWidth: 760, marginTop: 16 }} data-testid="quote-settings">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ quoteNumberPattern: settings.data.quoteNumberPattern, quoteFollowUpDays: settings.data.quoteFollowUpDays, sampleFollowUpDays: settings.data.sampleFollowUpDays }}
        onFinish={async (values) => {
          try {
            await update.mutateAsync(values);
            void message.success(t('quotes.settings.saved'));
          } catch (err) {
            onError(err);
          }
        }}
      >
        <Form.Item name="quoteNumberPattern" label={t('quotes.settings.pattern')} extra={t('quotes.settings.patternHelp', { example, interpolation: { escapeValue: false } })}>
          <Input data-testid="quote-number-pattern" />
        </Form.Item>
        <Form.Item name="quoteFollowUpDays" label={t('quotes.settings.followUpDays')}>
          <InputNumber min={1} max={365} data-testid="quote-follow-up-days" />
        </Form.Item>
        <Form.Item name="sampleFollowUpDays" label={t('quotes.settings.sampleFollowUpDays')}>
          <InputNumber min={1} max={365} data-testid="sample-follow-up-days" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="quote-settings-save">{t('quotes.actions.save')}</Button>
      </Form>
    </Card>
  );
}
