import type { Catalog } from '../catalog-shape.ts';
import type { duplicates as en } from '../en/duplicates.ts';

export const duplicates: Catalog<typeof en> = {
  duplicates: {
    title: '重复客户',
    intro: '邮箱相同、公司域名相同或名称几乎相同的客户。选择要保留的客户，合并后其他客户的全部资料都会移到它名下。',
    empty: '没有发现重复客户。',
    groups_one: '{{count}} 组疑似重复',
    groups_other: '{{count}} 组疑似重复',
    refresh: '重新检查',
    reason: {
      email: '邮箱相同：{{key}}',
      domain: '公司域名相同：{{key}}',
      name: '名称相似：{{key}}',
    },
    reasonShort: {
      email: '邮箱相同 {{key}}',
      domain: '公司域名相同 {{key}}',
      name: '名称相似',
    },
    keep: '保留',
    include: '合并',
    columns: {
      code: '客户编号',
      name: '客户',
      grade: '等级',
      owner: '业务员',
      contact: '主要联系人',
      createdAt: '创建时间',
      lastContact: '最近联系',
    },
    never: '从未联系',
    noOwner: '无业务员',
    merge: '合并到保留的客户',
    mergeNothing: '请至少勾选一个要合并的其他客户。',
    confirm: {
      title: '合并到 {{name}}？',
      body_one: '{{count}} 个客户（{{names}}）将合并到 {{name}}（{{code}}）。',
      body_other: '{{count}} 个客户（{{names}}）将合并到 {{name}}（{{code}}）。',
      keeps: '不会丢失任何资料：所有联系人、时间线记录（电话、会议、备注）、标签和自定义字段值都会移到 {{name}} 名下。空白的资料字段会用其他客户的值补上，不同的值会写入备注。',
      trash: '被合并的客户随后会出现在回收站中。',
      ok: '合并',
    },
    merged: '已合并到 {{name}}。',
    warning: {
      title: '该客户可能已存在',
      open: '打开',
    },
  },
};
