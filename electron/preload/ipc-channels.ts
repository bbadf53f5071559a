/** The two IPC channels between the preload and the main process; nothing else is listened to. */
export const INVOKE_CHANNEL = 'tradefolio:invoke';
export const EVENT_CHANNEL = 'tradefolio:event';
