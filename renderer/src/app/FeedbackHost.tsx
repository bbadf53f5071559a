import { message, Modal } from 'antd';
import { useEffect } from 'react';
import { attachFeedback } from './feedback.ts';

/** antd's message and modal hooks, rendered inside the ConfigProvider (see feedback.ts). */
export function FeedbackHost() {
  const [messageApi, messageHolder] = message.useMessage();
  const [modalApi, modalHolder] = Modal.useModal();
  useEffect(() => attachFeedback({ message: messageApi, modal: modalApi }), [messageApi, modalApi]);
  return (
    <>
      {modalHolder}
      {messageHolder}
    </>
  );
}
