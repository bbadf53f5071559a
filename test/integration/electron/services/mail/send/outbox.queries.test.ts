import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../../../db/database.ts';
import { batchInterval } from '../../../../../../shared/domain/mail-outbox.ts';
import { insertBatch } from '../../../../../../electron/services/mail/send/batches.queries.ts';
import { enqueue, type QueuedMail } from '../../../../../../electron/services/mail/send/enqueue.ts';
import { nextDueRow, nextWakeAt } from '../../../../../../electron/services/mail/send/outbox-due.queries.ts';
import { claim, deleteEditable, markAttemptFailed, markSent, outboxRow } from '../../../../../../electron/services/mail/send/outbox.queries.ts';
import { addAccount, openMailDb, type MailDb } from '../../../../../helpers/mail-test-kit.ts';
import { T0 } from '../../../../../helpers/temp-core.ts';

/**
 * The outbox's state changes on a real database: each is guarded by the status it expects, so
 * a second worker, a late cancel or a stale "sent" cannot undo what won first; and batch pacing
 * is measured from the last attempt stored, as the worker relies on after a restart.
 */

let mail: MailDb;
let db: Db;
let accountId: string;

beforeEach(async () => {
  mail = await openMailDb();
  db = mail.db;
  accountId = await addAccount(db, { imapPort: 1 }, { email: 'sales@example.com' });
});
afterEach(() => mail.close());

const queued = (overrides: Partial<QueuedMail> = {}): QueuedMail => ({
  accountId,
  kind: 'new',
  fromAddress: 'sales@example.com',
  sourceMessageId: null,
  inReplyTo: null,
  references: [],
  to: [{ name: 'Lukas', address: 'lukas@buyer.de' }],
  cc: [],
  bcc: [],
  subject: 'Offer',
  text: 'Hello',
  html: null,
  attachments: [],
  customerId: null,
  templateId: null,
  batchId: null,
  notBefore: T0,
  ...overrides,
});

const error = { reason: 'offline' as const, detail: 'ECONNREFUSED', responseCode: null, recipients: [], at: T0 };

describe('outbox state changes', () => {
  it('lets only the first claim win, and a claimed row can be neither canceled nor claimed again', async () => {
    const row = await enqueue(db, queued(), T0);
    expect(await claim(db, row.id, T0 - 1)).toBe(false); // not due yet
    expect(await claim(db, row.id, T0)).toBe(true);
    expect(await claim(db, row.id, T0)).toBe(false);
    expect(await deleteEditable(db, row.id)).toBe(0);
    expect(await outboxRow(db, row.id)).toMatchObject({ status: 'sending', attempts: 1, last_attempt_at: T0 });
  });

  it('queues a failed attempt again for its retry time, and a late "sent" cannot overwrite it', async () => {
    const row = await enqueue(db, queued(), T0);
    await claim(db, row.id, T0);
    await markAttemptFailed(db, row.id, T0 + 10, error, T0 + 60_000);
    await markSent(db, row.id, T0 + 20, null, false);
    expect(await outboxRow(db, row.id)).toMatchObject({ status: 'queued', next_attempt_at: T0 + 60_000, sent_at: null });
    expect(JSON.parse((await outboxRow(db, row.id))!.last_error!)).toMatchObject({ reason: 'offline', detail: 'ECONNREFUSED' });
    expect(await claim(db, row.id, T0 + 59_999)).toBe(false);
    expect(await claim(db, row.id, T0 + 60_000)).toBe(true);
    await markSent(db, row.id, T0 + 60_001, null, false);
    expect(await outboxRow(db, row.id)).toMatchObject({ status: 'sent', sent_at: T0 + 60_001, last_error: null, attempts: 2 });
  });
});

describe('batch pacing', () => {
  it('holds a batch\'s next mail until its interval after the last attempt, and wakes then', async () => {
    const rate = 20;
    await insertBatch(db, { id: 'b1', account_id: accountId, template_id: null, rate_per_minute: rate }, T0);
    const first = await enqueue(db, queued({ batchId: 'b1', subject: 'one' }), T0);
    const second = await enqueue(db, queued({ batchId: 'b1', subject: 'two', notBefore: T0 }), T0 + 1);
    expect(await nextDueRow(db, accountId, T0)).toBe(first.id);
    expect(await nextWakeAt(db)).toBe(T0);

    await claim(db, first.id, T0);
    await markSent(db, first.id, T0 + 5, null, false);
    const allowed = T0 + batchInterval(rate);
    expect(await nextDueRow(db, accountId, allowed - 1)).toBeNull();
    expect(await nextWakeAt(db)).toBe(allowed);
    expect(await nextDueRow(db, accountId, allowed)).toBe(second.id);
  });

  it('lets a mail outside any batch go while a batch waits', async () => {
    await insertBatch(db, { id: 'b1', account_id: accountId, template_id: null, rate_per_minute: 1 }, T0);
    const paced = await enqueue(db, queued({ batchId: 'b1' }), T0);
    await claim(db, paced.id, T0);
    await markSent(db, paced.id, T0, null, false);
    await enqueue(db, queued({ batchId: 'b1' }), T0 + 1);
    const single = await enqueue(db, queued({ notBefore: T0 + 2 }), T0 + 2);
    expect(await nextDueRow(db, accountId, T0 + 1_000)).toBe(single.id);
  });
});
