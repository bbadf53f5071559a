import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectCharset, parseMail } from '../../../electron/services/mail/mail-parse.ts';
import { isReplySubject, messageDate, subjectKey } from '../../../shared/domain/mail-message.ts';
import { filingDomains } from '../../../shared/domain/mail-filing.ts';
import { CORPUS_DIR, corpusFile, unlabelledLegacy } from './mail-test-kit.ts';

const head = (s: string) => Buffer.from(s.replace(/\n/g, '\r\n'), 'latin1');

describe('parsing mail', () => {
  it('reads raw 8-bit GBK and Big5 with no charset declared, and Western 8-bit text as Windows-1252', async () => {
    const gbk = await parseMail(unlabelledLegacy('gbk', { from: 'a@b.cn', to: 'c@d.cn', subject: '关于样品的报价', body: '您好！附件是最新报价单，请查收。', messageId: 'g@b.cn' }));
    expect(gbk).toMatchObject({ subject: '关于样品的报价', status: 'ok', guessedCharsets: ['gb18030'] });
    expect(gbk.text).toContain('附件是最新报价单');

    const big5 = await parseMail(unlabelledLegacy('big5', { from: 'a@b.tw', to: 'c@d.cn', subject: '樣品', body: '請問貴公司的交期？', messageId: 'b@b.tw' }));
    expect(big5).toMatchObject({ subject: '樣品', status: 'ok', guessedCharsets: ['big5'] });
    expect(big5.text).toContain('請問貴公司的交期');

    const french = await parseMail(Buffer.concat([head('From: a@b.fr\nSubject: R'), Buffer.from([0xe9]), head('union\nContent-Type: text/plain\n\nVoil'), Buffer.from([0xe0]), head(' le prix.\n')]));
    expect(french).toMatchObject({ subject: 'Réunion', guessedCharsets: ['windows-1252'] });
    expect(french.text).toContain('Voilà le prix.');

    const utf8 = await parseMail(Buffer.from('From: a@b.cn\r\nSubject: 报价 UTF-8\r\n\r\n正文\r\n', 'utf8'));
    expect(utf8).toMatchObject({ subject: '报价 UTF-8', guessedCharsets: [], status: 'warning' });
    expect(utf8.warnings).toEqual(['badDate']);
  });

  it('tells GB18030 from Big5 on short texts by where their characters fall', () => {
    for (const word of ['报价', '样品', '公司', '您好，谢谢', '张伟']) expect(detectCharset(iconv.encode(word, 'gbk'))).toBe('gb18030');
    for (const word of ['報價', '樣品', '公司', '您好，謝謝', '陳先生']) expect(detectCharset(iconv.encode(word, 'big5'))).toBe('big5');
    // 谢谢 in GBK (D0BB D0BB) is also valid UTF-8 ("лл"): the Chinese reading wins.
    expect(detectCharset(iconv.encode('谢谢', 'gbk'))).toBe('gb18030');
    expect(detectCharset(Buffer.from('Привет, как дела', 'utf8'))).toBe('utf-8');
    expect(detectCharset(Buffer.from('plain ascii'))).toBeNull();
    expect(detectCharset(Buffer.from('已是 UTF-8', 'utf8'))).toBe('utf-8');
  });

  it('decodes labelled charsets, RFC 2047 words and RFC 2231 attachment names', async () => {
    const b = 'XYZ';
    const gbWord = `=?GB2312?B?${iconv.encode('样品确认', 'gbk').toString('base64')}?=`;
    const sjis = iconv.encode('見積書をお送りします', 'shift_jis');
    const latin2 = iconv.encode('Zażółć gęślą jaźń', 'iso-8859-2');
    const raw = Buffer.concat([
      head(`From: =?big5?B?${iconv.encode('陳小姐', 'big5').toString('base64')}?= <chen@tp.com.tw>\nTo: me@x.cn\nSubject: ${gbWord}\nDate: Tue, 2 Jun 2026 08:00:00 +0800\n`),
      head(`MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="${b}"\n\n--${b}\nContent-Type: text/plain; charset=shift_jis\nContent-Transfer-Encoding: 8bit\n\n`),
      sjis,
      head(`\n--${b}\nContent-Type: text/plain; charset=iso-8859-2\nContent-Disposition: attachment; filename="pl.txt"\n\n`),
      latin2,
      head(`\n--${b}\nContent-Type: application/pdf\nContent-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.pdf\nContent-Transfer-Encoding: base64\n\nJVBERi0=\n`),
      head(`--${b}\nContent-Type: application/octet-stream; name="`),
      iconv.encode('样品清单.xls', 'gbk'),
      head(`"\nContent-Disposition: attachment\nContent-Transfer-Encoding: base64\n\nAAAA\n--${b}--\n`),
    ]);
    const p = await parseMail(raw);
    expect(p.subject).toBe('样品确认');
    expect(p.from).toEqual({ name: '陳小姐', address: 'chen@tp.com.tw' });
    expect(p.text).toContain('見積書をお送りします');
    expect(p.attachments.map((a) => a.filename)).toEqual(['pl.txt', '报价单.pdf', '样品清单.xls']);
    expect(p.attachments[0]!.content.equals(latin2)).toBe(true);
    expect(p.headerDate).toBe(Date.UTC(2026, 5, 2, 0, 0, 0));
    expect(p.status).toBe('ok');
  });

  it('never throws: damaged input is kept with a status that says how bad it is', async () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const sample = corpusFile('TRAIN_00001.eml');
    for (let i = 0; i < 60; i++) {
      const junk = Buffer.from(Array.from({ length: 50 + Math.floor(random() * 400) }, () => Math.floor(random() * 256)));
      const cut = sample.subarray(0, Math.floor(random() * sample.length));
      for (const input of [junk, cut, Buffer.concat([cut, junk])]) {
        const p = await parseMail(input);
        expect(['ok', 'warning', 'failed']).toContain(p.status);
      }
    }
    const empty = await parseMail(Buffer.alloc(0));
    expect(empty.status).toBe('failed');
  });

  it('parses a slice of the CSDMC2010 corpus without a failure', async () => {
    const files = fs.readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.eml')).sort().slice(0, 250);
    const statuses = new Map<string, number>();
    for (const f of files) {
      const p = await parseMail(corpusFile(f));
      statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
      expect(p.text ?? p.html ?? '').not.toBe(undefined);
    }
    expect(statuses.get('failed') ?? 0).toBe(0);
    expect(statuses.get('ok') ?? 0).toBeGreaterThan(240);
  });
});

describe('pure mail rules', () => {
  it('normalizes subjects for threading, in English and Chinese', () => {
    expect(subjectKey('Re: RE: Fwd: Price list')).toBe('price list');
    expect(subjectKey('回复：转发: 报价单')).toBe('报价单');
    expect(subjectKey('AW: [External] Re[2]: Samples')).toBe('samples');
    expect(isReplySubject('答复: 样品')).toBe(true);
    expect(isReplySubject('Regarding samples')).toBe(false);
  });

  it('trusts the Date header unless it is missing, absurd or from the future', () => {
    const arrived = Date.UTC(2026, 5, 1);
    expect(messageDate(arrived - 3_600_000, arrived)).toBe(arrived - 3_600_000);
    expect(messageDate(arrived + 30 * 86_400_000, arrived)).toBe(arrived);
    expect(messageDate(0, arrived)).toBe(arrived);
    expect(messageDate(null, arrived)).toBe(arrived);
  });

  it('files by company domains and their parents, never by free mail', () => {
    expect(filingDomains('sales.eu.acme.com')).toEqual(['sales.eu.acme.com', 'eu.acme.com', 'acme.com']);
    for (const free of ['gmail.com', 'qq.com', '163.com', '126.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'sina.com', 'foxmail.com', 'vip.163.com']) {
      expect(filingDomains(free)).toEqual([]);
    }
  });
});
