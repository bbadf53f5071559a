import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttachmentStore, sha256Of } from '../../../../../../electron/services/mail/store/attachment-store.ts';
import { LEGACY_RAW_DIR, openRawMessageStore, RAW_PACK_FILE, type RawMessageStore } from '../../../../../../electron/services/mail/store/raw-message-store.ts';
import { rfc822 } from '../../../../../helpers/mail-test-kit.ts';

let dir: string;
let store: RawMessageStore | null = null;

afterEach(() => {
  store?.close();
  store = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const message = (i: number) => rfc822({ from: `buyer${i}@hamburg-trade.de`, to: 'sales@mytrade.cn', subject: `报价 ${i}`, body: `第 ${i} 封\n`, messageId: `m${i}@x`, date: new Date(Date.UTC(2026, 10, 1)) });

describe('the raw-message pack', () => {
  it('keeps each source byte for byte, once, and says what it wrote', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-raw-'));
    store = openRawMessageStore(dir);
    // Nothing written yet: no file in the data folder.
    expect(fs.existsSync(path.join(dir, RAW_PACK_FILE))).toBe(false);
    const raws = [message(1), message(2), message(1)];
    const put = store.putMany(raws);
    expect(put.map((p) => p.sha256)).toEqual(raws.map((r) => sha256Of(r)));
    expect(put.map((p) => p.written)).toEqual([true, true, false]);
    expect(store.put(message(2)).written).toBe(false);
    for (const raw of raws) expect(store.read(sha256Of(raw)).equals(raw)).toBe(true);
    expect(store.readHead(put[0]!.sha256, 20)!.equals(raws[0]!.subarray(0, 20))).toBe(true);
    expect(store.has(sha256Of(Buffer.from('never stored')))).toBe(false);
    expect(store.readHead(sha256Of(Buffer.from('never stored')), 20)).toBeNull();
    // A hash is all that may reach a query or a path.
    expect(() => store!.has('../../etc/passwd')).toThrow(/not a sha256/);

    // Another handle (another process, after a restart) reads what was committed.
    store.close();
    store = openRawMessageStore(dir);
    expect(store.read(put[1]!.sha256).equals(raws[1]!)).toBe(true);
  });

  it('still reads the per-message files stored before the pack existed', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-raw-'));
    const legacy = createAttachmentStore(path.join(dir, LEGACY_RAW_DIR));
    const old = message(7);
    const { sha256 } = legacy.put(old);
    store = openRawMessageStore(dir);
    expect(store.has(sha256)).toBe(true);
    expect(store.read(sha256).equals(old)).toBe(true);
    expect(store.readHead(sha256, 16)!.equals(old.subarray(0, 16))).toBe(true);
  });
});
