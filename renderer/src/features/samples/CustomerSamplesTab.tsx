import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickedCustomer } from '../../ui/CustomerPicker.tsx';
import { SampleShipmentDrawer } from './SampleShipmentDrawer.tsx';
import { SampleShipmentList } from './SampleShipmentList.tsx';

/** The customer folder's Samples tab: this customer's shipments and "New shipment" for them. */
export function CustomerSamplesTab({ customer }: { customer: PickedCustomer }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | 'new' | null>(null);
  const newButton = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="customer-sample-new">
      {t('samples.newShipment')}
    </Button>
  );
  return (
    <div data-testid="customer-samples">
      <SampleShipmentList
        customerId={customer.id}
        onOpen={setOpen}
        emptyAction={
          <Button icon={<PlusOutlined />} onClick={() => setOpen('new')} data-testid="sample-new-empty">
            {t('samples.newShipment')}
          </Button>
        }
        renderHeader={(count, filters) => (
          <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 12, flexWrap: 'wrap' }}>
            {filters}
            <span className="muted">{count}</span>
            <span style={{ flex: 1 }} />
            {newButton}
          </div>
        )}
      />
      {open && <SampleShipmentDrawer key={open} shipmentId={open === 'new' ? null : open} customer={customer} onClose={() => setOpen(null)} />}
    </div>
  );
}
