import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { useReplyAction } from './compose/useReplyAction.tsx';
import { ReadingPane } from './ReadingPane.tsx';
import './mail.css';

/** A message read over another screen (a customer's folder), with reply and a link to the Mail page. */
export function MessageDrawer({ messageId, onClose }: { messageId: string; onClose(): void }) {
  const { t } = useTranslation();
  const reply = useReplyAction();
  return (
    <>
      <Drawer open size={820} onClose={onClose} title={t('mail.reader.title')} className="mail-drawer" data-testid="mail-drawer">
        <ReadingPane messageId={messageId} actions={reply.buttons} showOpenInMail />
      </Drawer>
      {reply.drawer}
    </>
  );
}
