import { EyeInvisibleOutlined, LinkOutlined, UserAddOutlined } from '@ant-design/icons';
import { Button, Card, Pagination, Segmented, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lead } from '../../../../shared/contract/search.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { hrefFor } from '../../app/router.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { useTimeFormat } from '../../ui/time-format.ts';
import '../search/search.css';
import { AttachLeadDialog } from './AttachLeadDialog.tsx';
import { CreateFromLeadDialog } from './CreateFromLeadDialog.tsx';
import { useFeedback } from '../../app/feedback.ts';

const PAGE_SIZE = 30;
/** How far back the list looks; `all` can take a while on a large archive. */
const WINDOWS = { d30: 30, d90: 90, d365: 365, all: null } as const;
type LeadRange = keyof typeof WINDOWS;

function LeadCard({ lead, onCreate, onAttach, onDismiss }: { lead: Lead; onCreate(): void; onAttach(): void; onDismiss(): void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <Card
      size="small"
      data-testid="lead"
      data-key={lead.key}
      title={
        <span className="search-section-title">
          <Typography.Text strong data-testid="lead-key">
            {lead.key}
          </Typography.Text>
          <Tag color={lead.kind === 'domain' ? 'geekblue' : 'default'}>{lead.kind === 'domain' ? t('leads.domain') : t('leads.freeMail')}</Tag>
          <span className="muted" data-testid="lead-messages">
            {t('leads.messages', { count: lead.messages })}
          </span>
          <Tooltip title={time.dateTime(lead.lastAt)}>
            <span className="muted">{t('leads.lastMail', { when: time.relative(lead.lastAt) })}</span>
          </Tooltip>
        </span>
      }
      extra={
        <span style={{ display: 'inline-flex', gap: 8 }}>
          <Button type="primary" size="small" icon={<UserAddOutlined />} onClick={onCreate} data-testid="lead-create">
            {t('leads.createCustomer')}
          </Button>
          <Button size="small" icon={<LinkOutlined />} onClick={onAttach} data-testid="lead-attach">
            {t('leads.attach')}
          </Button>
          <Button size="small" icon={<EyeInvisibleOutlined />} onClick={onDismiss} data-testid="lead-dismiss">
            {t('leads.dismiss')}
          </Button>
        </span>
      }
    >
      <div className="search-hit-line" data-testid="lead-addresses">
        {lead.addresses.map((a) => (
          <span key={a.address}>
            {a.name ? `${a.name} <${a.address}>` : a.address}
            {lead.addresses.length > 1 ? <span className="muted"> ({a.messages})</span> : null}
          </span>
        ))}
      </div>
      {lead.samples.map((s) => (
        <div key={s.id} className="search-snippet" data-testid="lead-sample">
          <span className="muted">{time.date(s.dateAt)}</span> {s.direction === 'outbound' ? '→ ' : ''}
          {s.subject || t('search.noSubject')}
        </div>
      ))}
    </Card>
  );
}

/** Unknown correspondents, grouped by company domain, with the three ways to deal with them. */
export function LeadsPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const [range, setRange] = useState<LeadRange>('d90');
  const [creating, setCreating] = useState<Lead | null>(null);
  const [attaching, setAttaching] = useState<Lead | null>(null);
  const list = useCall('leads.list', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, sinceDays: WINDOWS[range] }, { placeholderData: (previous) => previous });
  const dismiss = useMutationCall('leads.dismiss');
  const restore = useMutationCall('leads.restore');
  const total = list.data?.total ?? 0;

  const done = (name: string, id: string, key: 'leads.created' | 'leads.attached') =>
    void message.success(
      <span data-testid="lead-done">
        {t(key, { name })}{' '}
        <a href={hrefFor({ page: 'customer', id })} data-testid="lead-done-open">
          {t('waiting.open')}
        </a>
      </span>,
    );

  async function onDismiss(lead: Lead): Promise<void> {
    try {
      await dismiss.mutateAsync({ key: lead.key });
      void message.info(
        <span>
          {t('leads.dismissed', { key: lead.key })}{' '}
          <a onClick={() => void restore.mutateAsync({ key: lead.key }).catch(showError)} data-testid="lead-undo">
            {t('leads.undo')}
          </a>
        </span>,
      );
    } catch (err) {
      showError(err);
    }
  }

  return (
    <div className="page leads-page" data-testid="leads-page">
      <ListPageHeader title={t('leads.title')} count={list.data ? t('leads.total', { count: total }) : null} countTestId="leads-total" intro={t('leads.intro')}>
        <span className="muted">{t('leads.windowLabel')}</span>
        <Segmented<LeadRange>
          value={range}
          data-testid="leads-window"
          onChange={(value) => {
            setRange(value);
            setPage(1);
          }}
          options={(Object.keys(WINDOWS) as LeadRange[]).map((key) => ({ value: key, label: t(`leads.window.${key}`) }))}
        />
      </ListPageHeader>
      {list.isLoading && <Spin />}
      {list.data && total === 0 && <EmptyState title={t('leads.empty')} testId="leads-empty" />}
      {(list.data?.rows ?? []).map((lead) => (
        <LeadCard key={lead.key} lead={lead} onCreate={() => setCreating(lead)} onAttach={() => setAttaching(lead)} onDismiss={() => void onDismiss(lead)} />
      ))}
      <Pagination current={page} pageSize={PAGE_SIZE} total={total} hideOnSinglePage showSizeChanger={false} onChange={setPage} style={{ alignSelf: 'flex-end' }} />
      {creating && (
        <CreateFromLeadDialog
          lead={creating}
          onClose={(created) => {
            setCreating(null);
            if (created) done(created.name, created.id, 'leads.created');
          }}
        />
      )}
      {attaching && (
        <AttachLeadDialog
          lead={attaching}
          onClose={(customer) => {
            setAttaching(null);
            if (customer) done(customer.name, customer.id, 'leads.attached');
          }}
        />
      )}
    </div>
  );
}
