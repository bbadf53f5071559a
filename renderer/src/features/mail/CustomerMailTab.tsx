import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MessageDrawer } from './MessageDrawer.tsx';
import { MessageList } from './MessageList.tsx';
import { useMessageKeys } from './useMessageKeys.ts';
import { useMessagePages } from './useMessagePages.ts';

/** All mail filed under one customer, both directions, newest first; a message opens in a drawer. */
export function CustomerMailTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const onRangeChange = useCallback((first: number, last: number) => setRange([first, last]), []);
  const pages = useMessagePages({ customerId }, range[0], range[1]);
  const [active, setActive] = useState<{ id: string; index: number } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const select = useCallback((id: string, index: number) => setActive({ id, index }), []);
  const total = pages.total ?? 0;

  useMessageKeys(
    {
      move(step) {
        const index = Math.min(total - 1, Math.max(0, (active?.index ?? -1) + step));
        const row = pages.rowAt(index);
        if (row) setActive({ id: row.id, index });
      },
      open() {
        if (active) setOpenId(active.id);
      },
    },
    openId === null,
  );

  return (
    <div className="customer-mail-tab" data-testid="customer-mail">
      <MessageList
        pages={pages}
        activeId={active?.id ?? null}
        activeIndex={active?.index ?? -1}
        onSelect={(id, index) => {
          select(id, index);
          setOpenId(id);
        }}
        onRangeChange={onRangeChange}
        resetKey={customerId}
        emptyText={t('mail.list.emptyCustomer')}
        showCustomers={false}
      />
      {openId && <MessageDrawer messageId={openId} onClose={() => setOpenId(null)} />}
    </div>
  );
}
