import type { Catalog } from '../catalog-shape.ts';
import type { scores as en } from '../en/scores.ts';

/** 客户价值评分（RFM）与生命周期建议（issue 14 第 4 点）。 */
export const scores: Catalog<typeof en> = {
  scores: {
    column: '价值',
    title: '客户价值评分',
    filter: '价值',
    none: '尚未评分',
    bands: { high: '高（70 分以上）', medium: '中（40–69 分）', low: '低（40 分以下）' },
    parts: { recency: '最近联系（R）', frequency: '下单频次（F）', monetary: '成交金额（M）' },
    partOf: '{{value}} / {{max}}',
    explain:
      '最近联系：距最近一次联系或下单的天数（30 天内 5 分 … 超过一年 1 分）。下单频次：订单数（已接受的报价，同一报价的修订版只算一次），最多 6 分。成交金额：在同一币种下单客户中的四分位（不做汇率换算）。',
    lastActivity: '最近联系或下单：{{when}}',
    neverActive: '尚无联系或订单',
    orders_one: '{{count}} 个订单',
    orders_other: '{{count}} 个订单',
    quartile: '{{amount}} {{currency}} — 第 {{quartile}} 四分位（共 4）',
    noOrders: '尚无成交金额',
    weights: {
      title: '客户价值评分权重',
      help: '最近联系、下单频次和成交金额在 0–100 分价值评分中各占的比重。保存后会重新计算所有客户的评分。',
      recency: '最近联系',
      frequency: '下单频次',
      monetary: '成交金额',
      save: '保存权重',
      saved: '权重已保存，评分已重新计算。',
    },
    suggestions: {
      title: '阶段建议',
      open: '阶段建议（{{count}}）',
      empty: '暂无阶段建议',
      move: '{{from}} → {{to}}',
      confirm: '确认',
      dismiss: '忽略',
      confirmed: '阶段已改为{{stage}}。',
      dismissed: '已忽略；同一原因不会再次建议。',
      reasons: {
        firstOrder: '报价已被接受：首个订单',
        repeatOrders: '已有三个或更多订单',
        dormant: '超过一年没有联系或下单',
      },
    },
    errors: {
      suggestionGone: '此建议已处理或已不再适用。',
      noWeight: '至少有一项权重须大于 0。',
    },
  },
};
