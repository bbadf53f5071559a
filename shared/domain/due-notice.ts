/**
 * The words of a desktop notification for a due item (a Today row), as an i18n key for the
 * title and a body: the same in the Electron app (electron/hosts/due-notices.ts) and in the
 * browser (renderer features/today/useDesktopNotifications.ts).
 */
export function dueNoticeText(item: { kind: string; title: string; customerName: string | null; detail: string | null }): { titleKey: string; body: string } {
  const parts = [item.title, item.customerName, item.detail].filter((p): p is string => Boolean(p));
  return { titleKey: `today.kinds.${item.kind}`, body: [...new Set(parts)].join(' · ') };
}
