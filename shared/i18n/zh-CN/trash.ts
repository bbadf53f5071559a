import type { Catalog } from '../catalog-shape.ts';
import type { trash as en } from '../en/trash.ts';

export const trash: Catalog<typeof en> = {
  trash: {
    title: '回收站',
    intro: '已删除的客户连同联系人和时间线保存在这里，可随时恢复。被合并到其他客户的记录也列在这里。',
    empty: '回收站是空的。',
    restore: '恢复',
    restoreSelected_one: '恢复 {{count}} 个客户',
    restoreSelected_other: '恢复 {{count}} 个客户',
    restored_one: '已恢复 {{count}} 个客户。',
    restored_other: '已恢复 {{count}} 个客户。',
    total_one: '{{count}} 个已删除客户',
    total_other: '{{count}} 个已删除客户',
    columns: {
      code: '客户编号',
      name: '客户',
      grade: '等级',
      owner: '业务员',
      contact: '主要联系人',
      deletedAt: '删除时间',
    },
    noOwner: '无业务员',
  },
};
