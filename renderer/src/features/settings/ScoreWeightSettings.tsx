import { Button, Card, Form, InputNumber, Space } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_WEIGHT, type ScoreWeights } from '../../../../shared/domain/value-score.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

const KEYS = ['recency', 'frequency', 'monetary'] as const;

/** The weights of the value (RFM) score: saving them rescores every customer (scores.setWeights). */
export function ScoreWeightSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<ScoreWeights>();
  const weights = useCall('scores.getWeights', {});
  const save = useMutationCall('scores.setWeights');
  const labelOf = useCallback((path: string) => ((KEYS as readonly string[]).includes(path) ? t(`scores.weights.${path}`) : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);
  if (!weights.data) return null;
  return (
    <Card size="small" title={t('scores.weights.title')} style={{ maxWidth: 760, marginTop: 16 }} data-testid="score-weight-settings">
      <p className="muted">{t('scores.weights.help')}</p>
      <Form<ScoreWeights>
        form={form}
        layout="vertical"
        initialValues={weights.data}
        onFinish={async (values) => {
          try {
            await save.mutateAsync(values);
            void message.success(t('scores.weights.saved'));
          } catch (err) {
            onError(err);
          }
        }}
      >
        <Space wrap size="large">
          {KEYS.map((key) => (
            <Form.Item key={key} name={key} label={t(`scores.weights.${key}`)} rules={[{ required: true }]}>
              <InputNumber min={0} max={MAX_WEIGHT} precision={0} data-testid={`score-weight-${key}`} />
            </Form.Item>
          ))}
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="score-weights-save">
            {t('scores.weights.save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
