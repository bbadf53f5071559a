import { FileTextOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Skeleton} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailTemplate } from '../../../../../shared/contract/mail-send.contract.ts';
import { useCall } from '../../../app/useCall.ts';
import { EmptyState } from '../../../ui/EmptyState.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';

/** Mail templates with placeholders, for personalised sends to many customers. */
export function TemplatesPane() {
  const { t } = useTranslation();
  const templates = useCall('mail.listTemplates', {});
  // null: nothing open; 'new': a template being created.
  const [selected, setSelected] = useState<string | null>(null);
  // A template just created, until the list (refreshed by data.changed) has it.
  const [justSaved, setJustSaved] = useState<MailTemplate | null>(null);
  const list = templates.data ?? [];
  const current = selected && selected !== 'new' ? (list.find((x) => x.id === selected) ?? (justSaved?.id === selected ? justSaved : null)) : null;
  const editing = selected === 'new' || current !== null;

  return (
    <section className="mail-view-pane" data-testid="templates-pane">
      <div className="mail-view-head">
        <PageTitle level={4}>
          <FileTextOutlined /> {t('mail.templates.title')}
        </PageTitle>
        <span style={{ flex: 1 }} />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setSelected('new')} data-testid="template-new">
          {t('mail.templates.new')}
        </Button>
      </div>
      <div className="templates-layout">
        <nav className="templates-list" data-testid="template-list">
          {templates.isLoading ? (
            <Skeleton active />
          ) : list.length === 0 ? (
            <EmptyState testId="templates-empty" title={t('mail.templates.empty', { example: '{{contact.firstName}}' })} />
          ) : (
            list.map((tpl) => (
              <button
                key={tpl.id}
                type="button"
                className={`mail-folder${tpl.id === selected ? ' selected' : ''}`}
                onClick={() => setSelected(tpl.id)}
                aria-current={tpl.id === selected ? 'true' : undefined}
                data-testid="template-item"
              >
                <FileTextOutlined className="mail-folder-icon" />
                <span className="mail-folder-name cell">{tpl.name}</span>
              </button>
            ))
          )}
        </nav>
        <div className="templates-editor-pane">
          {editing ? (
            // Keyed: a Form's initial values apply when it is created.
            <TemplateEditor key={selected} template={current} onSaved={(saved) => {
                setJustSaved(saved);
                setSelected(saved.id);
              }} onRemoved={() => setSelected(null)} />
          ) : (
            <EmptyState testId="template-none" title={t('mail.templates.pick')} />
          )}
        </div>
      </div>
    </section>
  );
}
