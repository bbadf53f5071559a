import type { Catalog } from '../catalog-shape.ts';
import type { reminders as en } from '../en/reminders.ts';

// Chinese has no plural forms: i18next uses the _other keys; _one is kept so the shapes match.
export const reminders: Catalog<typeof en> = {
  reminders: {
    title: '未联系客户',
    total_one: '{{count}} 个客户超期未联系',
    total_other: '{{count}} 个客户超期未联系',
    ownerFilter: '业务员',
    allOwners: '全部业务员',
    empty: '所有客户都已按时联系。',
    intervalsIntro: '客户的最近一次联系（邮件、电话、会议、拜访或备注）超过其等级的间隔天数即为超期：',
    intervalDays_one: '{{grade}}：每 {{count}} 天',
    intervalDays_other: '{{grade}}：每 {{count}} 天',
    intervalNever: '{{grade}}：不提醒',
    changeIntervals: '在设置中修改间隔',
    columns: {
      code: '客户编号',
      name: '客户',
      grade: '等级',
      owner: '业务员',
      lastContact: '最近联系',
      overdue: '超期',
      actions: '操作',
    },
    never: '从未联系',
    noOwner: '无业务员',
    daysOverdue_one: '{{count}} 天',
    daysOverdue_other: '{{count}} 天',
    dueSince: '应于 {{date}} 联系',
    logCall: '记录电话',
    transferSelected: '转给业务员…',
    selected_one: '已选 {{count}} 个',
    selected_other: '已选 {{count}} 个',
    logCallDialog: {
      title: '记录与 {{name}} 的电话',
      saved: '电话已记录。',
    },
  },
};
