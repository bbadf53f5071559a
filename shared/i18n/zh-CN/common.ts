import type { Catalog } from '../catalog-shape.ts';
import type { common as en } from '../en/common.ts';

export const common: Catalog<typeof en> = {
  common: {
    save: '保存',
    cancel: '取消',
    delete: '删除',
    edit: '编辑',
    add: '添加',
    remove: '移除',
    close: '关闭',
    retry: '重试',
    loading: '加载中…',
    none: '无',
  },
  nav: {
    label: '主导航',
    customers: '客户',
    mail: '邮件',
    notContacted: '未联系',
    quotes: '报价',
    samples: '样品',
    products: '产品',
    duplicates: '重复客户',
    trash: '回收站',
    settings: '设置',
    badges: {
      unreadMail_one: '收件箱中有 {{count, number}} 封未读邮件',
      unreadMail_other: '收件箱中有 {{count, number}} 封未读邮件',
      notContacted_one: '{{count, number}} 个客户超期未联系',
      notContacted_other: '{{count, number}} 个客户超期未联系',
      waitingForReply_one: '{{count, number}} 个客户在等待我们回复',
      waitingForReply_other: '{{count, number}} 个客户在等待我们回复',
      folderUnread_one: '{{count, number}} 封未读邮件',
      folderUnread_other: '{{count, number}} 封未读邮件',
    },
  },
};
