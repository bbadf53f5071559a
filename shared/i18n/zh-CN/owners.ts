import type { Catalog } from '../catalog-shape.ts';
import type { owners as en } from '../en/owners.ts';

export const owners: Catalog<typeof en> = {
  owners: {
    transfer: {
      title_one: '转移 {{count}} 个客户',
      title_other: '转移 {{count}} 个客户',
      to: '新业务员',
      pick: '选择业务员',
      noOwner: '无业务员（未分配）',
      inactive: '{{name}}（已停用）',
      ok: '转移',
      done_one: '已将 {{count}} 个客户转给 {{name}}。',
      done_other: '已将 {{count}} 个客户转给 {{name}}。',
      nobody: '无业务员',
      required: '请选择业务员，或选择“无业务员”。',
    },
  },
};
