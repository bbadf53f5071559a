import type { Catalog } from '../catalog-shape.ts';
import type { mailSources as en } from '../en/mail-sources.ts';

export const mailSources: Catalog<typeof en> = {
  mailSources: {
    label: {
      file: '{{file}}',
      mboxMessage: '{{file}}，第 {{index}} 封邮件（位于第 {{offset}} 字节）',
      pstItem: '{{file}}，文件夹 {{folder}}，第 {{index}} 项',
    },
    problems: {
      sourceUnreadable: '无法打开 {{file}}（{{reason}}）。请确认它存在并且您有权读取。',
      sourceUnrecognised: '{{file}} 不是 TradeFolio 支持的邮件归档（mbox、Maildir、.eml、.msg 或 .pst）。',
      notMbox: '{{file}} 的名称像 mbox 文件，但开头不是 mbox 格式（没有 "From " 行）。它可能是其他类型的文件，未从中读取任何内容。',
      mboxTruncated: '{{file}} 的最后一封邮件（第 {{index}} 封，位于第 {{offset}} 字节）不完整，文件可能在复制时被截断。这 {{bytes}} 字节已单独保留。',
      messageTooLarge: '{{file}} 中有一封邮件大小为 {{bytes}} 字节，超过 {{limit}} 字节的上限，已跳过。',
      notAMessage: '{{file}} 不是邮件（文件为空或没有邮件头），已跳过。',
      fileUnreadable: '无法读取 {{file}}（{{reason}}），已跳过。',
      notMailFile: '{{file}} 不是邮件文件，已跳过。',
      msgUnreadable: '无法读取 Outlook 邮件 {{file}}（{{reason}}），已跳过。',
      pstUnreadable: '无法打开或完整读取 Outlook 数据文件 {{file}}（{{reason}}）。',
      pstItemUnreadable: 'Outlook 数据文件 {{file}} 中有一项无法读取（{{reason}}），已跳过。',
      resumePositionStale: '导入中断后 {{file}} 已被修改（保存的位置——第 {{offset}} 字节或项——已不再对应），其余部分未读取。请从头重新导入：已导入的邮件会被识别并跳过。',
    },
  },
};
