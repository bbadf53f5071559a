import type { Catalog } from '../catalog-shape.ts';
import type { errors as en } from '../en/errors.ts';

export const errors: Catalog<typeof en> = {
  errors: {
    validation: '有字段需要修改。',
    notFound: '未找到该记录。',
    internal: '出错了：{{reason}}',
    unknownCall: '未知请求：{{key}}',
    unauthorized: '此页面未获授权，请打开 TradeFolio 输出的链接。',
    migrationFailed: '数据库 {{file}} 升级失败（步骤 {{migration}}）：{{reason}}。数据未做任何更改。',
  },
  validation: {
    required: '请填写{{field}}。',
    tooLong: '{{field}}不能超过 {{max}} 个字符。',
    tooSmall: '{{field}}不能小于 {{min}}。',
    tooBig: '{{field}}不能大于 {{max}}。',
    invalidType: '{{field}}的类型不正确。',
    invalidEmail: '{{field}}不是有效的邮箱地址。',
    invalidFormat: '{{field}}的格式不正确。',
    invalidChoice: '{{field}}不是可选的值。',
    invalid: '{{field}}无效。',
  },
};
