import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Select, Spin, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { CSV_DELIMITER_CHOICES, oneOf, TEXT_ENCODING_CHOICES } from '../../../../shared/domain/contact-import-choices.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ColumnBasis, ColumnTargetPicker } from './ContactColumnTarget.tsx';
import { DELIMITER_NAMES, mappingComplete, problemText, sampleValues, type ColumnMapping, type PreviewSheet } from './contact-import-format.ts';
import type { ContactImportFlow } from './useContactImport.ts';

/** Sheet, encoding, separator and saved mapping: each reads the file again. */
function SheetOptions({ flow }: { flow: ContactImportFlow }) {
  const { t } = useTranslation();
  const mappings = useCall('imports.contactMappings', {});
  const preview = flow.preview.data;
  if (!preview || !flow.choice) return null;
  const text = preview.format !== 'xlsx';
  const delimiter = flow.choice.delimiter ?? preview.delimiter;
  const sheetLabel = t('contactImport.center.columns.sheet');
  const encodingLabel = t('contactImport.center.columns.encoding');
  const delimiterLabel = t('contactImport.center.columns.delimiter');
  const savedLabel = t('contactImport.center.columns.saved');
  return (
    <Form layout="vertical" component="div" className="contact-import-options">
      {preview.sheets.length > 1 && (
        <Form.Item label={sheetLabel}>
          <Select<number>
            value={flow.choice.sheet}
            onChange={(sheet) => flow.rechoose({ sheet })}
            options={preview.sheets.map((s) => ({ value: s.index, label: t('contactImport.center.columns.sheetOption', { name: s.name, index: s.index + 1 }) }))}
            aria-label={sheetLabel}
            data-testid="contact-sheet-select"
          />
        </Form.Item>
      )}
      {text && (
        <Form.Item label={encodingLabel} extra={t('contactImport.center.columns.encodingHelp')}>
          <Select<string>
            value={flow.choice.encoding ?? preview.encoding ?? undefined}
            onChange={(value) => {
              const encoding = oneOf(TEXT_ENCODING_CHOICES, value);
              if (encoding) flow.rechoose({ encoding });
            }}
            options={TEXT_ENCODING_CHOICES.map((e) => ({ value: e, label: t(`contactImport.center.columns.encodings.${e}`) }))}
            aria-label={encodingLabel}
            data-testid="contact-encoding"
          />
        </Form.Item>
      )}
      {preview.format === 'csv' && (
        <Form.Item label={delimiterLabel}>
          <Select<string>
            value={delimiter ?? undefined}
            onChange={(value) => {
              const delimiter = oneOf(CSV_DELIMITER_CHOICES, value);
              if (delimiter) flow.rechoose({ delimiter });
            }}
            options={CSV_DELIMITER_CHOICES.map((d) => {
              const name = t(`contactImport.center.columns.delimiters.${DELIMITER_NAMES[d]}`);
              return { value: d, label: d === preview.delimiter && !flow.choice?.delimiter ? t('contactImport.center.columns.delimiterDetected', { value: name }) : name };
            })}
            aria-label={delimiterLabel}
            data-testid="contact-delimiter"
          />
        </Form.Item>
      )}
      <Form.Item label={savedLabel}>
        <Select<string>
          allowClear
          value={flow.choice.savedMapping ?? undefined}
          placeholder={t('contactImport.center.columns.savedPlaceholder')}
          onChange={(name) => flow.rechoose({ savedMapping: name ?? null })}
          options={(mappings.data ?? []).map((m) => ({ value: m.name, label: m.name }))}
          notFoundContent={t('contactImport.center.columns.noSaved')}
          aria-label={savedLabel}
          data-testid="contact-saved-mapping"
        />
      </Form.Item>
    </Form>
  );
}

function useMappingColumns(flow: ContactImportFlow, sheet: PreviewSheet): TableColumnsType<ColumnMapping> {
  const { t } = useTranslation();
  return [
    { key: 'letter', title: t('contactImport.center.columns.column'), width: 80, render: (_, m) => m.letter },
    {
      key: 'header',
      title: t('contactImport.center.columns.header'),
      width: '22%',
      render: (_, m) => (m.header.trim() ? <span data-testid="contact-column-header">{m.header}</span> : <span className="muted">{t('contactImport.center.columns.noHeader')}</span>),
    },
    {
      key: 'samples',
      title: t('contactImport.center.columns.samples'),
      ellipsis: true,
      render: (_, m) => (
        <span className="contact-column-samples" data-testid="contact-column-samples">
          {sampleValues(sheet, m.column).join(' · ')}
        </span>
      ),
    },
    { key: 'basis', title: '', width: 120, render: (_, m) => <ColumnBasis basis={m.basis} /> },
    {
      key: 'target',
      title: t('contactImport.center.columns.target'),
      width: 300,
      render: (_, m, i) => <ColumnTargetPicker column={m} onChange={(target) => flow.setTarget(i, target)} />,
    },
  ];
}

/**
 * The second step: each column with its header, a few values, what the service made of it and
 * where it goes — changed here, read again at once — plus the name to remember the mapping by.
 */
export function ContactImportColumns({ flow, sheet }: { flow: ContactImportFlow; sheet: PreviewSheet }) {
  const { t } = useTranslation();
  const columns = useMappingColumns(flow, sheet);
  const complete = mappingComplete(flow.columns.map((m) => m.target));
  const rememberLabel = t('contactImport.center.columns.remember');
  return (
    <div className="contact-import-step" data-testid="contact-import-columns">
      <SheetOptions flow={flow} />
      <Typography.Paragraph type="secondary" className="contact-import-note">
        {sheet.rowUnit === 'card' ? t('contactImport.center.columns.headerCard') : t('contactImport.center.columns.headerRow', { row: sheet.headerRowNumber })}{' '}
        {sheet.savedMapping && !flow.choice?.mapping && t('contactImport.center.columns.savedUsed', { name: sheet.savedMapping })}
        {flow.preview.isFetching && (
          <span className="contact-import-refreshing" data-testid="contact-import-refreshing">
            <Spin size="small" /> {t('contactImport.center.columns.refreshing')}
          </span>
        )}
      </Typography.Paragraph>
      {sheet.problems.map((p, i) => (
        <Alert key={i} type={p.severity === 'error' ? 'error' : 'warning'} showIcon title={problemText(t, p)} data-testid="contact-sheet-problem" />
      ))}
      <Table<ColumnMapping>
        rowKey="column"
        size="small"
        columns={columns}
        dataSource={flow.columns}
        pagination={false}
        onRow={(m) => ({ className: 'contact-column', 'data-testid': 'contact-column', 'data-letter': m.letter, 'data-header': m.header, 'data-target': m.target.kind === 'field' ? m.target.field : m.target.kind })}
        locale={{ emptyText: <EmptyState title={t('contactImport.center.columns.noColumns')} testId="contact-columns-empty" /> }}
      />
      <Form layout="vertical" component="div">
        <Form.Item label={rememberLabel} className="contact-import-remember">
          <Input
            value={flow.rememberAs}
            onChange={(e) => flow.setRememberAs(e.target.value)}
            maxLength={100}
            placeholder={t('contactImport.center.columns.rememberPlaceholder')}
            aria-label={rememberLabel}
            data-testid="contact-remember"
          />
        </Form.Item>
      </Form>
      <div className="import-form-actions">
        <Button icon={<LeftOutlined />} onClick={() => flow.setStep('file')} data-testid="contact-columns-back">
          {t('contactImport.center.columns.back')}
        </Button>
        <Button type="primary" icon={<RightOutlined />} iconPlacement="end" disabled={!complete || flow.columns.length === 0} onClick={() => flow.setStep('rows')} data-testid="contact-columns-next">
          {t('contactImport.center.columns.next')}
        </Button>
      </div>
    </div>
  );
}
