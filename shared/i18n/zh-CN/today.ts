import type { Catalog } from '../catalog-shape.ts';
import type { today as en } from '../en/today.ts';

/** 今日：首页，按类别列出到期事项及一键操作。 */
export const today: Catalog<typeof en> = {
  today: {
    nav: '今日',
    title: '今日',
    subtitle: '截至 {{date}} 结束前到期的事项',
    badge_one: '今日有 {{count}} 项到期',
    badge_other: '今日有 {{count}} 项到期',
    empty: '今天没有到期事项。',
    emptyHint: '报价跟进、任务、收款以及需要联系的客户，到期时会显示在这里。',
    showAll: '查看全部 {{count}} 项',
    overdueBy_one: '已逾期 {{count}} 天',
    overdueBy_other: '已逾期 {{count}} 天',
    dueAt: '{{time}} 到期',
    kinds: {
      task: '任务',
      appointment: '约会',
      payment: '收款',
      letterOfCredit: '信用证',
      quoteFollowUp: '报价跟进',
      sampleFeedback: '样品反馈',
      waitingForReply: '等待我方回复',
      notContacted: '需要联系',
    },
    actions: {
      done: '完成',
      received: '已收款',
      snooze: '推迟',
      snoozeTo: '推迟到',
      tomorrow: '明天',
      inThreeDays: '3 天后',
      nextWeek: '下周',
      pickDate: '选择日期…',
      logCall: '记录电话',
      writeMail: '写邮件',
      reply: '回复',
      recordFeedback: '记录反馈',
      open: '打开',
    },
    feedback: {
      done: '已标记为完成。',
      snoozed: '已推迟到 {{date}}。',
      undo: '撤销',
    },
    notifications: {
      title: 'TradeFolio：现在到期',
      more_one: '今日中还有 {{count}} 项',
      more_other: '今日中还有 {{count}} 项',
      allow: '显示桌面通知',
      allowHint: '浏览器会询问一次是否允许 TradeFolio 显示通知。',
      blocked: '浏览器设置中已禁止此页面显示通知。',
    },
    errors: {
      snoozeInPast: '请选择一个晚于现在的日期来推迟。',
      nothingToSnooze: '此提醒已不存在：可能已被完成或删除。',
      nothingToComplete: '此提醒已不存在：可能已被完成或删除。',
      notDoneHere: '此类提醒需在其所在位置处理（记录反馈、回复邮件或记录电话）。',
    },
  },
};
