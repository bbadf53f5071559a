import { describe, expect, it } from 'vitest';
import { messageLanguage } from '../../../../shared/domain/message-language.ts';

describe('the language a reply is framed in', () => {
  it('follows the mail, not the UI', () => {
    expect(messageLanguage(['Inquiry 500 pcs', 'Dear Li, please quote 500 pcs FOB Ningbo.'], 'zh-CN')).toBe('en');
    expect(messageLanguage(['询价', '您好，请报500件FOB宁波的价格，谢谢。'], 'en')).toBe('zh-CN');
  });

  it('reads Chinese mail with English terms in it as Chinese, and English with a Chinese name as English', () => {
    expect(messageLanguage(['Re: PI', '李经理您好，PI 已收到，T/T 30% deposit 下周安排，请确认 FOB Ningbo 的交期。'], 'en')).toBe('zh-CN');
    expect(messageLanguage(['Order', 'Dear Mr. Li (李伟), thank you for the samples. We would like to order 2,000 pcs of item A-12.'], 'zh-CN')).toBe('en');
  });

  it('keeps the UI language for a mail without words', () => {
    expect(messageLanguage([null, '   2026-12-01 500 / 3.20 '], 'zh-CN')).toBe('zh-CN');
    expect(messageLanguage([undefined], 'en')).toBe('en');
  });
});
