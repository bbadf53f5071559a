import type { Catalog } from '../catalog-shape.ts';
import type { quoteMail as en } from '../en/quote-mail.ts';

export const quoteMail: Catalog<typeof en> = {
  quoteMail: {
    errors: {
      quoteNotFound: '找不到该报价（可能已被删除）。',
    },
  },
};
