import { describe, expect, it } from 'vitest';
import { MboxSplitter } from '../../../../../electron/services/imports/mail-sources/mbox-splitter.ts';
import { asctime, mboxEntry, separatorLine } from '../../../../../electron/services/exports/mbox-writing.ts';

/** Splits with the importer's own splitter, as mboxrd. */
function split(bytes: Buffer): Buffer[] {
  const splitter = new MboxSplitter({ startOffset: 0, firstIndex: 1, variant: 'mboxrd', maxMessageBytes: 1 << 20 });
  const pieces = [...splitter.push(bytes), ...splitter.end()];
  return pieces.map((p) => {
    if (p.kind !== 'message') throw new Error(`not a message: ${p.kind}`);
    return p.raw;
  });
}

const entry = (raw: string, from: string | null = 'a@b.example', at = Date.UTC(2026, 0, 5, 9, 3)) => Buffer.concat(mboxEntry(Buffer.from(raw, 'utf8'), from, at));

describe('mboxEntry', () => {
  it('writes an asctime separator in UTC, and MAILER-DAEMON for a sender that is not one word', () => {
    expect(asctime(Date.UTC(2026, 0, 5, 9, 3, 7))).toBe('Mon Jan  5 09:03:07 2026');
    expect(separatorLine('a@b.example', Date.UTC(2025, 11, 25))).toBe('From a@b.example Thu Dec 25 00:00:00 2025\n');
    expect(separatorLine(null, 0)).toBe('From MAILER-DAEMON Thu Jan  1 00:00:00 1970\n');
    expect(separatorLine('Anna Schmidt <a@b>', 0)).toMatch(/^From MAILER-DAEMON /);
  });

  it('escapes ">…>From " lines (mboxrd) and the splitter gives every message back exactly, LF and CRLF', () => {
    const messages = [
      'Subject: one\n\nFrom here on we ship by sea.\n>From before\n>>From older\nFrom\tnot escaped (a tab)\n',
      'Subject: two\r\n\r\nFrom 宁波 to Hamburg\r\nlast line\r\n',
      'Subject: three\n\nno final line break',
    ];
    const mbox = Buffer.concat(messages.map((m) => entry(m)));
    const text = mbox.toString('utf8');
    expect(text).toContain('\n>From here on');
    expect(text).toContain('\n>>From before');
    expect(text).toContain('\n>>>From older');
    expect(text).toContain('\nFrom\tnot escaped');
    const back = split(mbox).map((b) => b.toString('utf8'));
    // The one without a final line break gains one: a separator must start a line.
    expect(back).toEqual([messages[0], messages[1], `${messages[2]}\n`]);
  });

  it('drops an envelope line stored with a message, which a reader would take for a body line', () => {
    const back = split(entry('From old@envelope Mon Jan  1 00:00:00 2001\nSubject: kept\n\nbody\n'));
    expect(back.map((b) => b.toString())).toEqual(['Subject: kept\n\nbody\n']);
  });

  it('leaves bytes that are not UTF-8 as they were', () => {
    const gbk = Buffer.from([0x53, 0x3a, 0x20, 0x78, 0x0a, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a, 0x46, 0x72, 0x6f, 0x6d, 0x20, 0xc4, 0xe3, 0x0a]);
    const back = split(Buffer.concat(mboxEntry(gbk, null, 0)));
    expect(back).toEqual([gbk]);
  });
});
