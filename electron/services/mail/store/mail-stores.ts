import path from 'node:path';
import { createAttachmentStore, type AttachmentStore } from './attachment-store.ts';
import { openRawMessageStore, type RawMessageStore } from './raw-message-store.ts';

/** Where mail content lives in the data folder: attachments as files (the user opens them), raw messages in a pack. */
export interface MailStores {
  attachments: AttachmentStore;
  raw: RawMessageStore;
}

/** Opened once by the mail service (mail.service.ts) and closed with it. */
export function openMailStores(dataDir: string): MailStores & { close(): void } {
  const raw = openRawMessageStore(dataDir);
  return { attachments: createAttachmentStore(path.join(dataDir, 'attachments')), raw, close: () => raw.close() };
}
