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
    errors: {
      quoteNotFound: '找不到该报价（可能已被删除）。',
    },
  },
};
