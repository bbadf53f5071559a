import { describe, expect, it } from 'vitest';
import { inThreadParser, workerParser } from '../../../../../../electron/services/mail/store/parse-pool.ts';
import { corpusMessages } from '../../../../../helpers/mail-archives.ts';
import { rfc822, unlabelledLegacy, withAttachment } from '../../../../../helpers/mail-test-kit.ts';

describe('parsing on a worker thread', () => {
  it('gives exactly what parsing in this thread gives, attachments as Buffers, in order', async () => {
    const raws = [
      ...corpusMessages(40).map((m) => m.raw),
      withAttachment({ from: 'anna@hamburg-trade.de', to: 'me@mytrade.cn', subject: '报价单', body: '见附件\n', filename: 'PI-1.pdf', content: Buffer.from('%PDF-1.4 test') }),
      unlabelledLegacy('gbk', { from: 'li@szminghua.cn', to: 'me@mytrade.cn', subject: '样品寄送确认', body: '您好，样品已寄出。\n', messageId: 'gbk-1@szminghua.cn' }),
      rfc822({ from: 'x@y.de', to: 'me@mytrade.cn', subject: 'plain', body: 'hello\n' }),
    ];
    const parser = workerParser();
    try {
      const [threaded, local] = await Promise.all([parser.parse(raws), inThreadParser.parse(raws)]);
      // Asked after a batch: a worker that failed would have fallen back to this thread and said so.
      expect(parser.threaded).toBe(true);
      expect(threaded).toEqual(local);
      const pdf = threaded.find((p) => p.subject === '报价单')!.attachments[0]!;
      expect(Buffer.isBuffer(pdf.content)).toBe(true);
      expect(pdf.content.toString()).toBe('%PDF-1.4 test');
      expect(threaded.find((p) => p.subject === '样品寄送确认')?.text).toContain('样品已寄出');
      // Batches sent together come back to their callers.
      const [a, b] = await Promise.all([parser.parse(raws.slice(0, 3)), parser.parse(raws.slice(3, 5))]);
      expect([...a, ...b].map((p) => p.messageId)).toEqual(local.slice(0, 5).map((p) => p.messageId));
    } finally {
      await parser.close();
    }
  });
});
