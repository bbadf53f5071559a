import type { Catalog } from '../catalog-shape.ts';
import type { mail as en } from '../en/mail.ts';

export const mail: Catalog<typeof en> = {
  mail: {
    test: {
      dnsFailed: '找不到邮件服务器（DNS 解析失败），请检查服务器地址。',
      connectFailed: '邮件服务器在此端口没有响应，请检查端口和网络。',
      tlsFailed: '与邮件服务器建立安全连接（TLS）失败，请检查端口和加密方式。',
      loginRejected: '服务器拒绝登录。QQ 邮箱、腾讯企业邮箱和网易 163/126 邮箱请使用邮箱设置中生成的授权码，而不是网页登录密码。',
      imapFailed: '登录 IMAP 服务器失败。',
      folderListFailed: '已登录，但无法读取文件夹列表。',
      smtpConnectFailed: '发信（SMTP）服务器没有响应，请检查地址、端口和加密方式。',
      smtpLoginRejected: '发信（SMTP）服务器拒绝登录。服务商要求时请使用授权码。',
    },
  },
};
