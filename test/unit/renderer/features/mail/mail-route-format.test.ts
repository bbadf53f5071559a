import { describe, expect, it } from 'vitest';
import { addressFull, addressLabel, listDate, senderDomain } from '../../../../../renderer/src/features/mail/mail-format.ts';
import { mailHref, mailViewHref, parseMailSelection, parseMailView } from '../../../../../renderer/src/features/mail/mail-route.ts';
import { messageKeyCommand } from '../../../../../renderer/src/features/mail/useMessageKeys.ts';
import { parseRoute } from '../../../../../renderer/src/app/routes.ts';

describe('the mail route', () => {
  it('keeps folder and message in the hash query', () => {
    expect(parseMailSelection('#/mail')).toEqual({ folderId: null, messageId: null });
    expect(parseMailSelection(mailHref({ folderId: 'f 1', messageId: 'm/2' }))).toEqual({ folderId: 'f 1', messageId: 'm/2' });
    expect(mailHref({})).toBe('#/mail');
    expect(parseRoute(mailHref({ folderId: 'f', messageId: 'm' }))).toEqual({ page: 'mail' });
  });

  it('keeps the outbox (with one personalised send) and the templates in the hash', () => {
    expect(parseMailView(mailViewHref('outbox', { batchId: 'batch 1' }))).toEqual({ view: 'outbox', batchId: 'batch 1', customerId: null });
    expect(parseMailView(mailViewHref('outbox', { batchId: 'b', customerId: 'c 1' }))).toEqual({ view: 'outbox', batchId: 'b', customerId: 'c 1' });
    expect(parseMailView(mailViewHref('templates', { batchId: 'ignored', customerId: 'ignored' }))).toEqual({ view: 'templates', batchId: null, customerId: null });
    expect(parseMailView(mailHref({ folderId: 'f' }))).toEqual({ view: null, batchId: null, customerId: null });
    expect(parseMailView('#/mail?view=other')).toEqual({ view: null, batchId: null, customerId: null });
    expect(parseRoute(mailViewHref('outbox'))).toEqual({ page: 'mail' });
  });
});

describe('mail formatting', () => {
  const now = Date.UTC(2026, 4, 20, 15, 0);
  it('shows the time today, the day this year, the date before', () => {
    expect(listDate(Date.UTC(2026, 4, 20, 9, 5), now, 'en', 'UTC')).toBe('09:05 AM');
    expect(listDate(Date.UTC(2026, 1, 3, 9, 5), now, 'en', 'UTC')).toBe('Feb 3');
    expect(listDate(Date.UTC(2025, 11, 30), now, 'en', 'UTC')).toBe('Dec 30, 2025');
    expect(listDate(Date.UTC(2026, 1, 3, 9, 5), now, 'zh-CN', 'UTC')).toBe('2月3日');
  });

  it('names correspondents', () => {
    expect(addressLabel({ name: 'Anna Schulz', address: 'anna@h.de' })).toBe('Anna Schulz');
    expect(addressLabel({ name: ' ', address: 'anna@h.de' })).toBe('anna@h.de');
    expect(addressLabel(null)).toBe('');
    expect(addressFull({ name: 'Anna', address: 'anna@h.de' })).toBe('Anna <anna@h.de>');
    expect(addressFull({ name: 'anna@h.de', address: 'anna@h.de' })).toBe('anna@h.de');
    expect(senderDomain('Anna@H.de')).toBe('@h.de');
    expect(senderDomain('nobody')).toBeNull();
  });
});

describe('list keys', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
    messageKeyCommand({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });
  it('maps j/k, arrows, Enter and r, and nothing with modifiers', () => {
    expect([key('j'), key('ArrowDown'), key('k'), key('ArrowUp'), key('Enter'), key('r'), key('x')]).toEqual(['next', 'next', 'previous', 'previous', 'open', 'reply', null]);
    expect(key('r', { ctrlKey: true })).toBeNull();
    expect([key('c'), key('n'), key('u'), key('s')]).toEqual(['compose', 'compose', 'toggleRead', 'toggleStar']);
    // Alt+N and Ctrl+N belong to the shell (new customer).
    expect([key('n', { altKey: true }), key('n', { ctrlKey: true })]).toEqual([null, null]);
    expect(key('j', { metaKey: true })).toBeNull();
  });
});
