import { Alert, Button, Divider, Form, Input, InputNumber, Select, Space, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { useTimeFormat } from '../../ui/time-format.ts';

type Stock = CallOutput<'samples.stock'>;
type Move = Stock['moves'][number];
type Kind = Move['kind'];
const KINDS: Kind[] = ['in', 'out', 'returned', 'adjust'];

interface MoveForm {
  kind: Kind;
  quantity?: number | null;
  location?: string | null;
  note?: string | null;
}

/** A product's sample stock: on hand (in all and per location), a form to record a move, and the moves. */
export function SampleStockPanel({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { message } = useFeedback();
  const stock = useCall('samples.stock', { productId });
  const moveStock = useMutationCall('samples.moveStock');
  const [form] = Form.useForm<MoveForm>();
  const kind = Form.useWatch('kind', form);
  const labelOf = useCallback((path: string) => (['quantity', 'location', 'note', 'kind'].includes(path) ? t(`samples.fields.${path}`) : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);

  async function record(values: MoveForm): Promise<void> {
    try {
      await moveStock.mutateAsync({ productId, kind: values.kind, quantity: values.quantity ?? 0, location: values.location ?? null, note: values.note ?? null });
      void message.success(t('samples.stock.recorded'));
      form.resetFields(['quantity', 'note']);
    } catch (err) {
      onError(err);
    }
  }

  const columns: TableColumnsType<Move> = [
    { key: 'date', title: t('samples.stock.date'), width: 130, render: (_, m) => time.date(m.movedAt) },
    { key: 'kind', title: t('samples.fields.kind'), width: 110, render: (_, m) => <Tag>{t(`samples.stock.kinds.${m.kind}`)}</Tag> },
    { key: 'quantity', title: t('samples.fields.quantity'), width: 90, align: 'right', render: (_, m) => (m.kind === 'out' ? -m.quantity : m.quantity) },
    { key: 'location', title: t('samples.fields.location'), width: 130, render: (_, m) => m.location ?? '' },
    { key: 'note', title: t('samples.fields.note'), render: (_, m) => (m.shipmentId ? <a href={`#/samples?open=${encodeURIComponent(m.shipmentId)}`}>{t('samples.stock.fromShipment')}</a> : m.note) },
  ];

  const onHand = stock.data?.onHand ?? 0;
  return (
    <div data-testid="sample-stock-panel">
      <Divider titlePlacement="start" plain>
        {t('samples.stock.title')}
      </Divider>
      <Space size="large" align="start" wrap>
        <Statistic title={t('samples.stock.onHand')} value={onHand} data-testid="sample-stock-on-hand" />
        {(stock.data?.locations.length ?? 0) > 0 && (
          <div>
            <Typography.Text type="secondary">{t('samples.stock.perLocation')}</Typography.Text>
            <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="sample-stock-locations">
              {stock.data?.locations.map((l) => (
                <li key={l.location ?? ''}>
                  {l.location ?? t('samples.stock.noLocation')}: {l.onHand}
                </li>
              ))}
            </ul>
          </div>
        )}
      </Space>
      {onHand < 0 && <Alert type="warning" showIcon title={t('samples.stock.belowZero')} style={{ margin: '8px 0' }} data-testid="sample-stock-below-zero" />}
      <Form form={form} layout="inline" initialValues={{ kind: 'in' }} onFinish={(v) => void record(v)} style={{ margin: '12px 0', rowGap: 8 }} data-testid="sample-stock-form">
        <Form.Item name="kind">
          <Select style={{ width: 130 }} aria-label={t('samples.fields.kind')} options={KINDS.map((k) => ({ value: k, label: t(`samples.stock.kinds.${k}`) }))} data-testid="sample-stock-kind" />
        </Form.Item>
        <Form.Item name="quantity" tooltip={kind === 'adjust' ? t('samples.stock.adjustHint') : undefined}>
          <InputNumber placeholder={t('samples.fields.quantity')} aria-label={t('samples.fields.quantity')} data-testid="sample-stock-quantity" />
        </Form.Item>
        <Form.Item name="location">
          <Input style={{ width: 140 }} placeholder={t('samples.fields.location')} aria-label={t('samples.fields.location')} data-testid="sample-stock-location" />
        </Form.Item>
        <Form.Item name="note">
          <Input style={{ width: 180 }} placeholder={t('samples.fields.note')} aria-label={t('samples.fields.note')} />
        </Form.Item>
        <Button htmlType="submit" loading={moveStock.isPending} data-testid="sample-stock-record">
          {t('samples.stock.record')}
        </Button>
      </Form>
      <Table<Move>
        rowKey="id"
        size="small"
        loading={stock.isLoading}
        columns={columns}
        dataSource={stock.data?.moves ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('samples.stock.empty') }}
        data-testid="sample-stock-moves"
      />
    </div>
  );
}
