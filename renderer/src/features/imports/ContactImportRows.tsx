import { CloseCircleFilled, ImportOutlined, LeftOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Form, Radio, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactRowAction } from '../../../../shared/contract/imports.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { actionCounts, allowedActions, problemText, rowAction, type PreviewRow, type PreviewSheet } from './contact-import-format.ts';
import type { ContactImportFlow } from './useContactImport.ts';

function RowProblems({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  if (row.problems.length === 0) return <span className="muted">{t('contactImport.center.rows.noProblems')}</span>;
  return (
    <ul className="contact-row-problems">
      {row.problems.map((p, i) => (
        <li key={i} data-testid="contact-row-problem" data-code={p.code} data-severity={p.severity}>
          {p.severity === 'error' ? <CloseCircleFilled className="contact-problem-error" /> : <WarningFilled className="contact-problem-warning" />} {problemText(t, p)}
        </li>
      ))}
    </ul>
  );
}

function RowMatch({ row }: { row: PreviewRow }) {
  const { t } = useTranslation();
  const match = row.match;
  // A row that cannot be imported is neither new nor matched.
  if (!match && allowedActions(row).length === 1) return <span className="muted" data-testid="contact-row-match" data-by="none">—</span>;
  if (!match) return <span className="muted" data-testid="contact-row-match" data-by="none">{t('contactImport.center.rows.noMatch')}</span>;
  return (
    <span data-testid="contact-row-match" data-by={match.by} data-customer={match.customerId}>
      <Typography.Text strong>{match.customerName}</Typography.Text> <Typography.Text type="secondary">{match.customerCode}</Typography.Text>
      {match.contactName && <div>{match.contactName}</div>}
      <div className="muted">{t(`contactImport.center.rows.matchBy.${match.by}`, { value: match.value })}</div>
    </span>
  );
}

function useRowColumns(flow: ContactImportFlow, sheet: PreviewSheet): TableColumnsType<PreviewRow> {
  const { t } = useTranslation();
  return [
    { key: 'row', title: t(sheet.rowUnit === 'card' ? 'contactImport.center.rows.card' : 'contactImport.center.rows.row'), width: 64, render: (_, r) => r.rowNumber },
    {
      key: 'company',
      title: t('contactImport.center.rows.company'),
      width: '16%',
      render: (_, r) => (
        <span data-testid="contact-row-company">
          {r.contact.company.name}
          {r.contact.company.localName && r.contact.company.localName !== r.contact.company.name && <div className="muted">{r.contact.company.localName}</div>}
        </span>
      ),
    },
    {
      key: 'contact',
      title: t('contactImport.center.rows.contact'),
      width: '12%',
      render: (_, r) => (
        <span data-testid="contact-row-contact">
          {r.contact.contact.name}
          {r.contact.contact.title && <div className="muted">{r.contact.contact.title}</div>}
        </span>
      ),
    },
    {
      key: 'channels',
      title: t('contactImport.center.rows.channels'),
      width: '15%',
      render: (_, r) => (
        <span className="contact-row-channels">
          {r.contact.contact.channels.map((c, i) => (
            <div key={i}>{c.value}</div>
          ))}
        </span>
      ),
    },
    { key: 'problems', title: t('contactImport.center.rows.problems'), minWidth: 200, render: (_, r) => <RowProblems row={r} /> },
    { key: 'match', title: t('contactImport.center.rows.match'), width: '14%', render: (_, r) => <RowMatch row={r} /> },
    {
      key: 'action',
      title: t('contactImport.center.rows.action'),
      width: 192,
      render: (_, r) => {
        const allowed = allowedActions(r);
        const options: ContactRowAction[] = ['merge', 'create', 'skip'];
        return (
          <span className="contact-row-action" title={allowed.length === 1 ? t('contactImport.center.rows.cannotImport') : undefined}>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              value={rowAction(r, flow.decisions)}
              onChange={(e) => flow.decide(r.rowNumber, e.target.value as ContactRowAction)}
              options={options.map((a) => ({ value: a, label: t(`contactImport.center.rows.actions.${a}`), disabled: !allowed.includes(a) }))}
              data-testid="contact-row-action"
            />
          </span>
        );
      },
    },
  ];
}

/** Who new customers belong to when the sheet does not say (a column mapped to Owner does). */
function OwnerField({ flow }: { flow: ContactImportFlow }) {
  const { t } = useTranslation();
  const owners = useCall('owners.list', {});
  const label = t('contactImport.center.rows.owner');
  return (
    <Form layout="vertical" component="div" className="contact-import-options">
      <Form.Item label={label}>
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={flow.ownerId ?? undefined}
          onChange={(id) => flow.setOwnerId(id ?? null)}
          placeholder={t('contactImport.center.rows.ownerPlaceholder')}
          aria-label={label}
          loading={owners.isLoading}
          options={(owners.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
          data-testid="contact-owner"
        />
      </Form.Item>
    </Form>
  );
}

/**
 * The third step: the first rows as they would be imported, each with its problems (in the
 * user's language), the customer it matches and what happens to it — merge, create or skip,
 * as proposed or as chosen here.
 */
export function ContactImportRows({ flow, sheet, onApply }: { flow: ContactImportFlow; sheet: PreviewSheet; onApply(): void }) {
  const { t } = useTranslation();
  const columns = useRowColumns(flow, sheet);
  const counts = actionCounts(sheet.rows, flow.decisions);
  return (
    <div className="contact-import-step" data-testid="contact-import-rows">
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('contactImport.center.rows.title', { count: sheet.rows.length })}
      </Typography.Title>
      {sheet.rows.length > 0 && (
        <Typography.Paragraph type="secondary" className="contact-import-note" data-testid="contact-rows-summary" data-create={counts.create} data-merge={counts.merge} data-skip={counts.skip}>
          {t('contactImport.center.rows.summary', counts)}
        </Typography.Paragraph>
      )}
      {sheet.problems.map((p, i) => (
        <Alert key={i} type={p.severity === 'error' ? 'error' : 'warning'} showIcon title={problemText(t, p)} />
      ))}
      <OwnerField flow={flow} />
      <Table<PreviewRow>
        rowKey="rowNumber"
        size="small"
        columns={columns}
        dataSource={sheet.rows}
        loading={flow.preview.isFetching && flow.preview.isPlaceholderData}
        pagination={sheet.rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        onRow={(r) => ({ 'data-testid': 'contact-row', 'data-row': r.rowNumber, 'data-action': rowAction(r, flow.decisions), className: r.problems.some((p) => p.severity === 'error') ? 'contact-row-error' : '' })}
        locale={{ emptyText: <EmptyState title={t('contactImport.center.rows.empty')} testId="contact-rows-empty" /> }}
      />
      <div className="import-form-actions">
        <Button icon={<LeftOutlined />} onClick={() => flow.setStep('columns')} data-testid="contact-rows-back">
          {t('contactImport.center.rows.back')}
        </Button>
        <Button type="primary" icon={<ImportOutlined />} disabled={sheet.rows.length === 0} loading={flow.applying} onClick={onApply} data-testid="contact-apply">
          {t('contactImport.center.rows.apply')}
        </Button>
      </div>
    </div>
  );
}
