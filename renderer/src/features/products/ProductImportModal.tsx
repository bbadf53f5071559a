import { Alert, Button, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import type { PickPurpose } from '../../../../shared/contract/app.contract.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { ProductImportColumns } from './ProductImportColumns.tsx';

type Report = CallOutput<'products.import'>;
type Preview = CallOutput<'products.previewImport'>;
type Target = Preview['columns'][number]['target'];
interface Values {
  path: string;
  imageFolder?: string;
}

/**
 * Imports a product sheet (products.import): the desktop app picks the sheet and the image folder
 * with its dialogs, the web host takes typed full paths. The report names each skipped row.
 */
export function ProductImportModal({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const info = useCall('app.getInfo', {});
  const pick = useMutationCall('app.pickFolder');
  const run = useMutationCall('products.import');
  const previewCall = useMutationCall('products.previewImport');
  const [report, setReport] = useState<Report | null>(null);
  const [preview, setPreview] = useState<{ values: Values; columns: Preview } | null>(null);
  const [targets, setTargets] = useState<Record<string, Target>>({});
  const labelOf = useCallback((path: string) => (path === 'path' || path === 'imageFolder' ? t(`products.importer.${path}`) : undefined), [t]);
  const onError = useFormErrorHandler(form, labelOf);
  const picker = info.data?.host === 'electron';

  async function choose(field: keyof Values, purpose: PickPurpose): Promise<void> {
    const chosen = await pick.mutateAsync({ purpose });
    if (chosen.path) form.setFieldValue(field, chosen.path);
  }

  /** First the columns as the import would map them, to be checked and changed. */
  async function check(values: Values): Promise<void> {
    try {
      setPreview({ values, columns: await previewCall.mutateAsync({ path: values.path.trim() }) });
      setTargets({});
    } catch (err) {
      onError(err);
    }
  }

  async function start(): Promise<void> {
    if (!preview) return;
    // Every named column's target, by its header: what the user saw is what is imported.
    const mapping: Record<string, Target> = {};
    for (const c of preview.columns.columns) if (c.header) mapping[c.header] = targets[c.letter] ?? c.target;
    try {
      setReport(await run.mutateAsync({ path: preview.values.path.trim(), imageFolder: preview.values.imageFolder?.trim() || null, mapping }));
      setPreview(null);
    } catch (err) {
      setPreview(null);
      onError(err);
    }
  }

  const pathField = (name: keyof Values, purpose: PickPurpose, required: boolean) => (
    <Form.Item label={t(`products.importer.${name}`)} required={required} extra={t(`products.importer.${name}Help`)}>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={name} noStyle>
          <Input placeholder={t(`products.importer.${name}Placeholder`)} data-testid={`product-import-${name}`} />
        </Form.Item>
        {picker && <Button onClick={() => void choose(name, purpose)}>{t('products.importer.choose')}</Button>}
      </Space.Compact>
    </Form.Item>
  );

  return (
    <Modal open onCancel={onClose} width={720} title={t('products.importer.title')} data-testid="product-import" footer={null}>
      {report ? (
        <div data-testid="product-import-report">
          <Alert
            type={report.skippedCount ? 'warning' : 'success'}
            showIcon
            title={t('products.importer.done', { created: report.created, updated: report.updated, images: report.imagesAdded, skipped: report.skippedCount })}
            style={{ marginBottom: 12 }}
          />
          <Typography.Paragraph type="secondary" data-testid="product-import-columns">
            {t('products.importer.columns', { sheet: report.sheet })}{' '}
            {report.columns.filter((c) => c.target !== 'skip').map((c) => (
              <Tag key={c.letter}>{`${c.header || c.letter} → ${t(`products.importer.target.${c.target}`)}`}</Tag>
            ))}
          </Typography.Paragraph>
          {report.skipped.length > 0 && (
            <List
              size="small"
              header={t('products.importer.skippedRows')}
              dataSource={report.skipped}
              renderItem={(s) => <List.Item data-testid="product-import-skipped">{t('products.importer.row', { row: s.row })}: {t(s.message, s.params)}</List.Item>}
              style={{ maxHeight: 280, overflow: 'auto' }}
            />
          )}
          {report.imagesUnmatched.length > 0 && (
            <Typography.Paragraph type="secondary">{t('products.importer.unmatched', { files: report.imagesUnmatched.join(', ') })}</Typography.Paragraph>
          )}
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={() => { setReport(null); form.resetFields(); }} data-testid="product-import-another">{t('products.importer.another')}</Button>
            <Button type="primary" onClick={onClose}>{t('products.importer.close')}</Button>
          </Space>
        </div>
      ) : preview ? (
        <div>
          <Typography.Paragraph type="secondary">
            {t('products.importer.checkColumns', { sheet: preview.columns.sheet })}
            {preview.columns.remembered && <span data-testid="product-import-remembered"> {t('products.importer.remembered')}</span>}
          </Typography.Paragraph>
          <ProductImportColumns columns={preview.columns.columns} targets={targets} onChange={(letter, target) => setTargets((prev) => ({ ...prev, [letter]: target }))} />
          <Space style={{ width: '100%', justifyContent: 'flex-end', marginTop: 12 }}>
            <Button onClick={() => setPreview(null)}>{t('products.importer.back')}</Button>
            <Button type="primary" loading={run.isPending} onClick={() => void start()} data-testid="product-import-run">{t('products.importer.start')}</Button>
          </Space>
        </div>
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={check} preserve>
          <Typography.Paragraph type="secondary">{t('products.importer.intro')}</Typography.Paragraph>
          {pathField('path', 'productSheetFile', true)}
          {pathField('imageFolder', 'productImageFolder', false)}
          <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={previewCall.isPending} data-testid="product-import-start">{t('products.importer.next')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}
