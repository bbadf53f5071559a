import type { Catalog } from '../catalog-shape.ts';
import type { quoteMail as en } from '../en/quote-mail.ts';

export const quoteMail: Catalog<typeof en> = {
  quoteMail: {
    draft: {
      subject: '报价单 {{number}}',
      greeting: '{{name}}，您好：',
      greetingNoName: '您好：',
      body: '附件是我司报价单 {{number}}，请查收。',
      validUntil: '报价有效期至 {{validUntil}}。',
    },
    panel: {
      title: '邮件',
      empty: '还没有与该报价相关的邮件。提到报价单号或 PI 号的邮件会自动显示在这里。',
      unlink: '取消关联',
      unlinkTitle: '将这封邮件从报价中移除？邮件本身会保留。',
      byHand: '手动关联',
      mailToCustomer: '发邮件给客户',
    },
    errors: {
      quoteNotFound: '找不到该报价（可能已被删除）。',
    },
  },
};
