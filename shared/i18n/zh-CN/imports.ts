import type { Catalog } from '../catalog-shape.ts';
import type { imports as en } from '../en/imports.ts';

export const imports: Catalog<typeof en> = {
  imports: {
    errors: {
      notFound: '找不到导入记录 {{id}}。',
      notResumable: '此导入无法继续：当前状态为 {{status}}。',
      ownerNotFound: '为导入邮件选择的业务员已不存在。',
      failed: '导入因错误而停止：{{reason}}。已导入的内容会保留；再次开始即可从中断处继续。',
    },
  },
};
