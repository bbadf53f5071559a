import type { SpecialUse } from './mail-enums.ts';

/**
 * A folder's role from its name alone, for servers that do not mark Sent with SPECIAL-USE and for
 * the folders of imported archives (Thunderbird, Outlook, Foxmail and Apple Mail exports), whose
 * names are all there is. Chinese, English and the common European and Japanese names.
 */
const ROLE_NAMES: ReadonlyArray<[SpecialUse, RegExp]> = [
  ['inbox', /^(?:inbox|收件箱|收件匣|posteingang|boîte de réception|受信トレイ)$/i],
  ['sent', /^(?:sent|sent items|sent messages|sent mail|已发送|已發送|已发送邮件|已發送郵件|已发邮件|发件箱|寄件備份|送信済み|送信済みアイテム|gesendet|gesendete objekte|envoyés|éléments envoyés)$/i],
  ['drafts', /^(?:drafts?|草稿|草稿箱|草稿夹|entwürfe|brouillons|下書き)$/i],
  ['trash', /^(?:trash|deleted items|deleted messages|bin|已删除|已删除邮件|已刪除郵件|垃圾箱|papierkorb|gelöschte elemente|corbeille|éléments supprimés|ゴミ箱)$/i],
  ['junk', /^(?:junk|junk e-mail|junk email|spam|垃圾邮件|垃圾郵件|广告邮件|spam-verdacht|courrier indésirable|迷惑メール)$/i],
  ['archive', /^(?:archive|archives|归档|歸檔|archiv)$/i],
];

export function specialUseByName(name: string): SpecialUse | null {
  const trimmed = name.trim();
  for (const [use, pattern] of ROLE_NAMES) if (pattern.test(trimmed)) return use;
  return null;
}
