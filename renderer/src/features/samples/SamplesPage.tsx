import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListPageHeader } from '../../ui/ListPageHeader.tsx';
import { SampleShipmentDrawer } from './SampleShipmentDrawer.tsx';
import { SampleShipmentList } from './SampleShipmentList.tsx';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** `#/samples?open=<id>` opens that shipment (a reminder's row links here). */
function openFromHash(): string | null {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('open');
}

/** Sample shipments: filtered list, N for a new one, a row opens its drawer. */
export function SamplesPage() {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | 'new' | null>(openFromHash);

  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      if (e.key.toLowerCase() === 'n' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target) && !document.querySelector('.ant-drawer-open, .ant-modal-wrap')) {
        e.preventDefault();
        setOpen('new');
      }
    }
    const onHash = () => setOpen((current) => openFromHash() ?? current);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);

  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="sample-new" title="N">
      {t('samples.newShipment')}
    </Button>
  );
  return (
    <div className="page" data-testid="samples-page">
      <SampleShipmentList
        onOpen={setOpen}
        emptyAction={
          <Button icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="sample-new-empty">
            {t('samples.newShipment')}
          </Button>
        }
        renderHeader={(count, filters) => (
          <>
            <ListPageHeader title={t('samples.title')} count={count} countTestId="samples-total">
              {newButton}
            </ListPageHeader>
            <div style={{ margin: '12px 0' }}>{filters}</div>
          </>
        )}
      />
      {open && <SampleShipmentDrawer key={open} shipmentId={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </div>
  );
}
