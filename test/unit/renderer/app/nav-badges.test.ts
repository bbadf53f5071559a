import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { catalogs, type Language } from '../../../../shared/i18n/catalogs.ts';

/**
 * i18next as renderer/src/app/i18n.ts sets it up (that module is not in the test program: its
 * language packs bring antd's locales, which resolve only in the renderer's).
 */
function tFor(language: Language) {
  const instance = i18next.createInstance();
  void instance.init({ resources: { [language]: { translation: catalogs[language] } }, lng: language, fallbackLng: false, interpolation: { escapeValue: false }, initAsync: false });
  return instance.t;
}

describe('navigation counts in words', () => {
  it('says what each count counts in English, with the plural and the number in full', () => {
    const t = tFor('en');
    expect(t('nav.badges.notContacted', { count: 4446 })).toBe('4,446 customers overdue for contact');
    expect(t('nav.badges.notContacted', { count: 1 })).toBe('1 customer overdue for contact');
    expect(t('nav.badges.waitingForReply', { count: 2 })).toBe('2 customers waiting for our reply');
    expect(t('nav.badges.waitingForReply', { count: 1 })).toBe('1 customer waiting for our reply');
    expect(t('nav.badges.unreadMail', { count: 1234 })).toBe('1,234 unread mails in the inboxes');
    expect(t('nav.badges.folderUnread', { count: 1 })).toBe('1 unread mail');
  });

  it('says it in Chinese', () => {
    const t = tFor('zh-CN');
    expect(t('nav.badges.notContacted', { count: 4446 })).toBe('4,446 个客户超期未联系');
    expect(t('nav.badges.waitingForReply', { count: 2 })).toBe('2 个客户在等待我们回复');
    expect(t('nav.badges.unreadMail', { count: 12 })).toBe('收件箱中有 12 封未读邮件');
    expect(t('nav.badges.folderUnread', { count: 3 })).toBe('3 封未读邮件');
  });
});
