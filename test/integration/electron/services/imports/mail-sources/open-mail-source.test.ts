import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailSource } from '../../../../../../electron/services/imports/mail-sources/open-mail-source.ts';
import type { MailSourceItem, MailSourceOptions } from '../../../../../../electron/services/imports/mail-sources/mail-source.types.ts';
import { corpusMessages, expectedFromMbox, writeEmlTree, writeMaildir, writeMbox, type CorpusMessage } from '../../../../../helpers/mail-archives.ts';
import { tempDir } from '../../../../../helpers/temp-core.ts';

/** The readers over archives built from the real corpus, as mail programs write them. */

async function readAll(target: string, options: MailSourceOptions = {}): Promise<MailSourceItem[]> {
  const out: MailSourceItem[] = [];
  for await (const item of (await openMailSource(target, options)).items()) out.push(item);
  return out;
}

function messages(items: MailSourceItem[]): Buffer[] {
  return items.flatMap((i) => (i.kind === 'message' ? [i.raw] : []));
}

/** What identifies an item across runs: where it is and its bytes. */
function identity(item: MailSourceItem): string {
  const what = item.kind === 'message' ? createHash('sha256').update(item.raw).digest('hex') : item.code;
  return `${JSON.stringify(item.position)} ${item.folder.join('/')} ${what}`;
}

let dir: string;
let corpus: CorpusMessage[];

beforeAll(() => {
  dir = tempDir('tf-mail-sources-');
  corpus = corpusMessages();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('mbox', () => {
  it('reads every corpus message of an mboxrd file back byte for byte, with folder, label and progress', async () => {
    const file = path.join(dir, 'Archive 2010.mbox');
    const offsets = writeMbox(file, corpus.map((m) => m.raw), { variant: 'mboxrd' });
    const source = await openMailSource(file);
    expect(source.kind).toBe('mbox');
    const items = await readAll(file);
    expect(items).toHaveLength(corpus.length);
    expect(items.every((i) => i.kind === 'message')).toBe(true);
    expect(messages(items)).toEqual(corpus.map((m) => expectedFromMbox(m.raw, 'mboxrd')));
    const size = fs.statSync(file).size;
    const i1234 = items[1233]!;
    expect(i1234.folder).toEqual(['Archive 2010']);
    expect(i1234.label).toEqual({ key: 'mailSources.label.mboxMessage', params: { file: 'Archive 2010.mbox', index: 1234, offset: offsets[1233] } });
    expect(i1234.position).toEqual({ container: '', at: { kind: 'mbox', index: 1234, start: offsets[1233], next: offsets[1234] } });
    expect(items.at(-1)!.progress).toEqual({ bytesDone: size, itemsDone: corpus.length, bytesTotal: size });
  });

  it('reads an mboxo file, where ">From " and an escaped "From " cannot be told apart', async () => {
    const file = path.join(dir, 'mboxo.mbox');
    writeMbox(file, corpus.map((m) => m.raw), { variant: 'mboxo' });
    const got = messages(await readAll(file, { mboxVariant: 'mboxo' }));
    expect(got).toEqual(corpus.map((m) => expectedFromMbox(m.raw, 'mboxo')));
    // The corpus has real ">>From " lines: mboxo keeps them, while mboxrd reading would have cut one ">".
    expect(got.some((raw) => /^>>From /m.test(raw.toString('latin1')))).toBe(true);
  });

  it('keeps CRLF messages in a CRLF mbox byte for byte', async () => {
    const file = path.join(dir, 'crlf.mbox');
    const some = corpus.slice(0, 400).map((m) => m.raw);
    writeMbox(file, some, { variant: 'mboxrd', crlf: true });
    const got = messages(await readAll(file));
    expect(got).toEqual(some.map((raw) => expectedFromMbox(raw, 'mboxrd', true)));
    expect(got[0]!.includes('\r\n')).toBe(true);
  });

  it('leaves unescaped "From " body lines in their message (a careless exporter)', async () => {
    const file = path.join(dir, 'unescaped.mbox');
    const some = corpus.slice(0, 300).map((m) =>
      Buffer.concat([m.raw, Buffer.from('\nFrom our warehouse in Ningbo we ship weekly.\nFrom Li Wei Mon Jan  1 10:00:00 2001\n\nregards\n', 'latin1')]),
    );
    writeMbox(file, some, { variant: 'mboxo', escape: false });
    expect(messages(await readAll(file, { mboxVariant: 'mboxo' }))).toEqual(some.map((raw) => expectedFromMbox(raw, 'mboxo')));
  });

  it('reads a truncated mbox up to its last message and reports that one with its bytes', async () => {
    const file = path.join(dir, 'truncated.mbox');
    const offsets = writeMbox(file, corpus.slice(0, 50).map((m) => m.raw), { variant: 'mboxrd' });
    fs.truncateSync(file, offsets[49]! + 700);
    const items = await readAll(file);
    expect(messages(items)).toHaveLength(49);
    const last = items.at(-1)!;
    expect(last).toMatchObject({ kind: 'problem', code: 'mboxTruncated', params: { file: 'truncated.mbox', index: 50, offset: offsets[49] } });
    expect(last.kind === 'problem' && last.partial?.length).toBeGreaterThan(600);
  });

  it('gives one clear problem for binary junk named .mbox, not thousands of garbage messages', async () => {
    const file = path.join(dir, 'photos.mbox');
    const junk = Buffer.alloc(2_000_000);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 2_654_435_761) >>> 24;
    fs.writeFileSync(file, junk);
    const items = await readAll(file);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'problem', code: 'notMbox', params: { file: 'photos.mbox' } });
  });
});

describe('folders', () => {
  it('reads a Maildir++ store with folder names and flags, every message once', async () => {
    const root = path.join(dir, 'Maildir');
    const written = writeMaildir(root, corpus.map((m) => m.raw));
    // What Dovecot and Courier keep beside the mail is not mail and not a problem.
    fs.writeFileSync(path.join(root, 'dovecot.index.log'), Buffer.alloc(100, 1));
    fs.writeFileSync(path.join(root, '.Sent', 'maildirfolder'), '');
    fs.mkdirSync(path.join(root, 'courierimapkeywords'));
    fs.writeFileSync(path.join(root, 'courierimapkeywords', ':list'), 'keywords');
    expect((await openMailSource(root)).kind).toBe('maildir');
    const items = await readAll(root);
    expect(items.every((i) => i.kind === 'message')).toBe(true);
    const byFolder = new Map<string, Buffer[]>();
    for (const i of items) byFolder.set(i.folder.join('/'), [...(byFolder.get(i.folder.join('/')) ?? []), i.kind === 'message' ? i.raw : Buffer.alloc(0)]);
    expect([...byFolder.keys()].sort()).toEqual(['Archive/2023', 'INBOX', 'Sent']);
    const sorted = (list: Buffer[]) => list.map((b) => b.toString('base64')).sort();
    expect(sorted(byFolder.get('INBOX')!)).toEqual(sorted(written.get('')!));
    expect(sorted(byFolder.get('Archive/2023')!)).toEqual(sorted(written.get('.Archive.2023')!));
    expect(items.filter((i) => i.kind === 'message' && i.flags.includes('S'))).toHaveLength(Math.ceil(written.get('')!.length / 2) + Math.ceil(written.get('.Sent')!.length / 2) + Math.ceil(written.get('.Archive.2023')!.length / 2));
  });

  it('reads a nested .eml tree with nested folders as folder names, passing broken MIME through as raw bytes', async () => {
    const root = path.join(dir, 'Foxmail export');
    const written = writeEmlTree(root, corpus.slice(0, 600).map((m) => m.raw));
    const broken = Buffer.from('Subject: broken\nContent-Type: multipart/mixed; boundary="x"\n\n--x\nContent-Transfer-Encoding: base64\n\n%%%not base64\n', 'latin1');
    fs.writeFileSync(path.join(root, 'Sent', 'broken.eml'), broken);
    fs.writeFileSync(path.join(root, 'Sent', 'notes.txt'), 'not mail');
    const source = await openMailSource(root);
    const measured = await source.measure();
    const items: MailSourceItem[] = [];
    for await (const item of source.items()) items.push(item);
    // A folder's progress has a total once measured: every file's size, mail or not.
    expect(measured).toEqual({ bytes: written.reduce((n, w) => n + w.raw.length, 0) + broken.length + 'not mail'.length, files: 602 });
    expect(items.at(-1)!.progress).toEqual({ bytesDone: measured.bytes - 'not mail'.length, itemsDone: 602, bytesTotal: measured.bytes });
    const got = items.flatMap((i) => (i.kind === 'message' ? [`${i.folder.join('/')}|${i.raw.toString('base64')}`] : [])).sort();
    const want = [...written.map((w) => `${w.folder.join('/')}|${w.raw.toString('base64')}`), `Sent|${broken.toString('base64')}`].sort();
    expect(got).toEqual(want);
    expect(items.filter((i) => i.kind === 'problem').map((i) => [i.kind === 'problem' && i.code, i.label.params.file])).toEqual([['notMailFile', 'Sent/notes.txt']]);
  });

  it('reports a message file over the size limit without reading it, and keeps reading the others in order', async () => {
    const root = path.join(dir, 'limits');
    fs.mkdirSync(root);
    const some = corpus.slice(0, 20).map((m) => m.raw);
    some.forEach((raw, i) => fs.writeFileSync(path.join(root, `${String(i).padStart(2, '0')}.eml`), raw));
    const limit = Math.max(...some.slice(0, 10).map((r) => r.length)) + 1;
    fs.writeFileSync(path.join(root, '05.eml'), Buffer.concat([some[5]!, Buffer.alloc(limit, 0x61)]));
    const items = await readAll(root, { maxMessageBytes: limit });
    expect(items.map((i) => (i.kind === 'message' ? 'message' : i.code)).slice(0, 10)).toEqual([...Array(5).fill('message'), 'messageTooLarge', ...Array(4).fill('message')]);
    expect(messages(items).slice(0, 5)).toEqual(some.slice(0, 5));
    expect(items[5]).toMatchObject({ params: { file: '05.eml', limit } });
  });

  it('reads Apple Mail bundles and a Thunderbird folder with .sbd subfolders and .msf indexes', async () => {
    const root = path.join(dir, 'mail programs');
    fs.mkdirSync(path.join(root, 'Apple', 'Inbox.mbox'), { recursive: true });
    writeMbox(path.join(root, 'Apple', 'Inbox.mbox', 'mbox'), corpus.slice(0, 5).map((m) => m.raw), { variant: 'mboxrd' });
    fs.writeFileSync(path.join(root, 'Apple', 'Inbox.mbox', 'Info.plist'), '<plist/>');
    fs.mkdirSync(path.join(root, 'Local Folders', 'Inbox.sbd'), { recursive: true });
    writeMbox(path.join(root, 'Local Folders', 'Inbox'), corpus.slice(5, 8).map((m) => m.raw), { variant: 'mboxo' });
    fs.writeFileSync(path.join(root, 'Local Folders', 'Inbox.msf'), '// index');
    writeMbox(path.join(root, 'Local Folders', 'Inbox.sbd', 'Customers'), corpus.slice(8, 10).map((m) => m.raw), { variant: 'mboxo' });
    const items = await readAll(root, { mboxVariant: 'mboxo' });
    expect(items.map((i) => `${i.kind} ${i.folder.join('/')}`)).toEqual([
      ...Array(5).fill('message Apple/Inbox'),
      ...Array(3).fill('message Local Folders/Inbox'),
      ...Array(2).fill('message Local Folders/Inbox/Customers'),
    ]);
    expect((await openMailSource(path.join(root, 'Apple', 'Inbox.mbox'))).kind).toBe('mbox');
  });

  it('names a missing path and an unknown file as problems', async () => {
    expect(await readAll(path.join(dir, 'nowhere'))).toMatchObject([{ kind: 'problem', code: 'sourceUnreadable', params: { reason: 'ENOENT' } }]);
    const pdf = path.join(dir, 'scan.pdf');
    fs.writeFileSync(pdf, '%PDF-1.4\n');
    expect(await readAll(pdf)).toMatchObject([{ kind: 'problem', code: 'sourceUnrecognised', params: { file: 'scan.pdf' } }]);
  });
});

/** Files of the temp folder this process still holds open (Linux: /proc/self/fd). */
function openFilesUnder(folder: string): string[] {
  return fs.readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      return target.startsWith(folder) ? [target] : [];
    } catch {
      return [];
    }
  });
}

describe('cancel', () => {
  it('closes every file when the import stops reading part-way (breaks out of the loop)', async () => {
    const root = path.join(dir, 'cancel');
    writeMbox(path.join(dir, 'cancel.mbox'), corpus.slice(0, 200).map((m) => m.raw), { variant: 'mboxrd' });
    writeMaildir(root, corpus.slice(0, 200).map((m) => m.raw));
    for (const target of [path.join(dir, 'cancel.mbox'), root]) {
      let n = 0;
      for await (const item of (await openMailSource(target)).items()) {
        expect(item.kind).toBe('message');
        if (++n === 3) break;
      }
      // Files read ahead finish and close on their own; give them a moment.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(openFilesUnder(target), target).toEqual([]);
    }
  });
});

describe('resume', () => {
  /** Reading on from any item's (JSON round-tripped) position gives exactly the items after it. */
  async function expectResumes(target: string, options: MailSourceOptions = {}): Promise<number> {
    const all = await readAll(target, options);
    const cuts = [0, 1, Math.floor(all.length / 3), Math.floor(all.length / 2) + 1, all.length - 2, all.length - 1];
    for (const k of cuts) {
      const resumeAfter = JSON.parse(JSON.stringify(all[k]!.position)) as MailSourceItem['position'];
      const rest = await readAll(target, { ...options, resumeAfter });
      expect(rest.map(identity), `after item ${k}`).toEqual(all.slice(k + 1).map(identity));
    }
    return all.length;
  }

  it('continues an mbox exactly after a checkpoint, and reports a checkpoint that no longer fits', async () => {
    const file = path.join(dir, 'resume.mbox');
    writeMbox(file, corpus.slice(0, 300).map((m) => m.raw), { variant: 'mboxrd' });
    expect(await expectResumes(file)).toBe(300);
    const all = await readAll(file);
    const stale = { container: '', at: { kind: 'mbox' as const, index: 10, start: 0, next: (all[10]!.position.at as { next: number }).next + 3 } };
    expect(await readAll(file, { resumeAfter: stale })).toMatchObject([{ kind: 'problem', code: 'resumePositionStale' }]);
  });

  it('continues a Maildir, an .eml tree and a mixed folder exactly after a checkpoint', async () => {
    const maildir = path.join(dir, 'resume-maildir');
    writeMaildir(maildir, corpus.slice(0, 300).map((m) => m.raw));
    expect(await expectResumes(maildir)).toBe(300);
    const tree = path.join(dir, 'resume-tree');
    writeEmlTree(tree, corpus.slice(0, 200).map((m) => m.raw));
    writeMbox(path.join(tree, 'Inbox', 'old.mbox'), corpus.slice(200, 260).map((m) => m.raw), { variant: 'mboxrd' });
    writeMaildir(path.join(tree, 'Maildir'), corpus.slice(260, 320).map((m) => m.raw));
    fs.writeFileSync(path.join(tree, 'Sent', 'junk.mbox'), Buffer.alloc(10_000, 0xff));
    expect(await expectResumes(tree)).toBe(321);
  });

  it('continues a folder after a Maildir message that was marked read (moved new/ → cur/) since the checkpoint', async () => {
    const maildir = path.join(dir, 'moved-maildir');
    writeMaildir(maildir, corpus.slice(0, 30).map((m) => m.raw));
    const all = await readAll(maildir);
    const checkpoint = all[3]!.position;
    const newDir = path.join(maildir, 'new');
    for (const name of fs.readdirSync(newDir)) fs.renameSync(path.join(newDir, name), path.join(maildir, 'cur', `${name}:2,S`));
    const rest = await readAll(maildir, { resumeAfter: checkpoint });
    const what = (i: MailSourceItem) => (i.kind === 'message' ? createHash('sha256').update(i.raw).digest('hex') : i.code);
    expect(rest.map(what)).toEqual(all.slice(4).map(what));
  });
});
