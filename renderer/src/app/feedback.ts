import type { ModalFuncProps } from 'antd';
import type { ArgsProps, MessageInstance } from 'antd/es/message/interface';
import type { HookAPI as ModalInstance } from 'antd/es/modal/useModal';
import type { Key, ReactNode } from 'react';
import { loadFullStyles } from './full-styles.ts';

/**
 * Toasts and confirmations, as antd's App.useApp() gives them, without antd's App on the first
 * screen: its message, notification and modal code (~55 KB) had to be parsed before the customer
 * list could paint. FeedbackHost (loaded after the first paint, or at the first call) renders
 * antd's own hooks inside the ConfigProvider, so they follow the theme and the language; calls
 * made before it has loaded are queued and shown once it has.
 */
export interface FeedbackMessage {
  success(content: ReactNode): void;
  error(content: ReactNode): void;
  info(content: ReactNode): void;
  warning(content: ReactNode): void;
  open(args: ArgsProps): void;
  destroy(key?: Key): void;
}

export interface FeedbackModal {
  confirm(props: ModalFuncProps): void;
}

export interface Feedback {
  message: FeedbackMessage;
  modal: FeedbackModal;
}

export interface FeedbackApis {
  message: MessageInstance;
  modal: ModalInstance;
}

let apis: FeedbackApis | null = null;
const queued: ((apis: FeedbackApis) => void)[] = [];
const hostWanted = new Set<() => void>();

function run(action: (apis: FeedbackApis) => void): void {
  if (apis) return show(apis, action);
  queued.push(action);
  for (const want of hostWanted) want();
}

/** With the full stylesheet: the first screen's has no rules for toasts and confirmations. */
function show(to: FeedbackApis, action: (apis: FeedbackApis) => void): void {
  void loadFullStyles().then(() => action(to));
}

const feedback: Feedback = {
  message: {
    success: (content) => run((a) => void a.message.success(content)),
    error: (content) => run((a) => void a.message.error(content)),
    info: (content) => run((a) => void a.message.info(content)),
    warning: (content) => run((a) => void a.message.warning(content)),
    open: (args) => run((a) => void a.message.open(args)),
    destroy: (key) => run((a) => a.message.destroy(key)),
  },
  modal: {
    confirm: (props) => run((a) => void a.modal.confirm(props)),
  },
};

export function useFeedback(): Feedback {
  return feedback;
}

/** FeedbackHost hands over antd's APIs (and takes them back when it unmounts). */
export function attachFeedback(next: FeedbackApis): () => void {
  apis = next;
  for (const action of queued.splice(0)) show(next, action);
  return () => {
    if (apis === next) apis = null;
  };
}

/** The slot that mounts FeedbackHost hears here when a call is waiting for it. */
export function onFeedbackWanted(listener: () => void): () => void {
  hostWanted.add(listener);
  if (queued.length > 0) listener();
  return () => hostWanted.delete(listener);
}
