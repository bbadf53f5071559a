import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailSource } from '../../../../../../electron/services/imports/mail-sources/open-mail-source.ts';
import type { MailSourceItem, MailSourceOptions } from '../../../../../../electron/services/imports/mail-sources/mail-source.types.ts';
import { tempDir } from '../../../../../helpers/temp-core.ts';

/**
 * Outlook files: the real .pst that ships in the pst-extractor package (EDRM Enron data) and
 * .msg files libpst's readpst extracted from it (test/fixtures/mail-sources/README.md).
 */

const ROOT = path.resolve(import.meta.dirname, '../../../../../..');
const ENRON_PST = path.join(ROOT, 'node_modules/pst-extractor/example/testdata/enron.pst');
const FIXTURES = path.join(ROOT, 'test/fixtures/mail-sources');

async function readAll(target: string, options: MailSourceOptions = {}): Promise<MailSourceItem[]> {
  const out: MailSourceItem[] = [];
  for await (const item of (await openMailSource(target, options)).items()) out.push(item);
  return out;
}

function identity(item: MailSourceItem): string {
  const what = item.kind === 'message' ? createHash('sha256').update(item.raw).digest('hex') : item.code;
  return `${JSON.stringify(item.position)} ${item.folder.join('/')} ${what}`;
}

let dir: string;
let pst: string;
let pstItems: MailSourceItem[];

beforeAll(async () => {
  dir = tempDir('tf-outlook-');
  pst = path.join(dir, 'mlokay.pst');
  fs.copyFileSync(ENRON_PST, pst);
  pstItems = await readAll(pst);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('Outlook .pst', () => {
  it('reads every mail item (readpst finds 71; the .doc is 93,696 bytes there too) as RFC 822 with its folder, Message-ID and attachments', async () => {
    expect((await openMailSource(pst)).kind).toBe('pst');
    expect(pstItems).toHaveLength(71);
    expect(pstItems.every((i) => i.kind === 'message')).toBe(true);
    const folders = new Set(pstItems.map((i) => i.folder.at(-1)));
    expect(folders).toEqual(new Set(['MLOKAY (Non-Privileged)', 'Sent Items', 'TW-Commercial Group', 'Systems', 'Personal']));
    const parsed = await Promise.all(pstItems.map((i) => simpleParser(i.kind === 'message' ? i.raw : Buffer.alloc(0))));
    expect(parsed.every((p) => p.messageId && p.date && p.date.getUTCFullYear() >= 2000)).toBe(true);
    expect(new Set(parsed.map((p) => p.messageId)).size).toBe(71);
    const withFile = parsed.find((p) => p.subject === 'eRequest');
    expect(withFile?.attachments.map((a) => [a.filename, a.size])).toEqual([['Navigating eRequest.doc', 93696]]);
    expect(parsed.find((p) => p.subject === 'I/B Link Capacity for November and December 2001')?.from?.value[0]?.address).toBe('JReames@br-inc.com');
    expect(pstItems.at(-1)!.progress.bytesDone).toBe(fs.statSync(pst).size);
  });

  it('gives the same bytes on a second reading, so the import can dedupe by content', async () => {
    expect((await readAll(pst)).map(identity)).toEqual(pstItems.map(identity));
  });

  it('continues exactly after any item', async () => {
    for (const k of [0, 1, 4, 5, 30, 69, 70]) {
      const resumeAfter = JSON.parse(JSON.stringify(pstItems[k]!.position)) as MailSourceItem['position'];
      expect((await readAll(pst, { resumeAfter })).map(identity), `after item ${k}`).toEqual(pstItems.slice(k + 1).map(identity));
    }
  });

  it('closes the .pst when the import stops reading part-way', async () => {
    let n = 0;
    for await (const item of (await openMailSource(pst)).items()) {
      expect(item.kind).toBe('message');
      if (++n === 3) break;
    }
    const open = fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`) === pst;
      } catch {
        return false;
      }
    });
    expect(open).toEqual([]);
  });

  it('names a file that is not a .pst', async () => {
    const fake = path.join(dir, 'backup.pst');
    fs.writeFileSync(fake, Buffer.alloc(4096, 0x20));
    expect(await readAll(fake)).toMatchObject([{ kind: 'problem', code: 'pstUnreadable', params: { file: 'backup.pst' } }]);
  });
});

describe('Outlook .msg', () => {
  it('reads a folder of .msg files and names the unreadable ones', async () => {
    const folder = path.join(dir, 'Outlook export', 'Customers');
    fs.mkdirSync(folder, { recursive: true });
    for (const name of fs.readdirSync(FIXTURES).filter((n) => n.endsWith('.msg'))) fs.copyFileSync(path.join(FIXTURES, name), path.join(folder, name));
    const whole = fs.readFileSync(path.join(FIXTURES, 'enron-plain.msg'));
    fs.writeFileSync(path.join(folder, 'cut-off.msg'), whole.subarray(0, 3000));
    fs.writeFileSync(path.join(folder, 'notes.msg'), 'just some text saved as .msg');
    const items = await readAll(path.join(dir, 'Outlook export'));
    expect(items.map((i) => `${i.label.params.file} ${i.kind === 'message' ? 'message' : i.code} ${i.folder.join('/')}`)).toEqual([
      'Customers/cut-off.msg msgUnreadable Customers',
      'Customers/enron-plain.msg message Customers',
      'Customers/enron-with-attachment.msg message Customers',
      'Customers/notes.msg msgUnreadable Customers',
    ]);
    const [plain, attached] = await Promise.all(items.filter((i) => i.kind === 'message').map((i) => simpleParser(i.kind === 'message' ? i.raw : Buffer.alloc(0))));
    expect(plain?.subject).toBe('contact');
    expect(plain?.from?.value[0]?.address).toBe('ljnorwood@calpine.com');
    expect(plain?.text).toContain('Lisa');
    expect(attached?.attachments).toHaveLength(1);
    expect(attached?.attachments[0]?.filename).toMatch(/^eBay item 576466888 .*\.url$/);
  });

  it('opens one .msg file as a source', async () => {
    const one = path.join(dir, 'one.msg');
    fs.copyFileSync(path.join(FIXTURES, 'enron-plain.msg'), one);
    expect((await openMailSource(one)).kind).toBe('msg');
    expect(await readAll(one)).toMatchObject([{ kind: 'message', folder: ['one'], position: { container: '', at: { kind: 'file' } } }]);
  });
});
