import { useEffect, useRef } from 'react';

export interface MessageKeyHandlers {
  /** -1 = previous, +1 = next. */
  move?(step: -1 | 1): void;
  open?(): void;
  reply?(): void;
  /** A new mail (c or n). */
  compose?(): void;
  /** Read ↔ unread of the open message (u). */
  toggleRead?(): void;
  /** Star ↔ no star of the open message (s). */
  toggleStar?(): void;
}

export type MessageKeyCommand = 'next' | 'previous' | 'open' | 'reply' | 'compose' | 'toggleRead' | 'toggleStar';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Maps a key to a list command; null for keys the list leaves alone. Pure, for tests. */
export function messageKeyCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): MessageKeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'j':
    case 'ArrowDown':
      return 'next';
    case 'k':
    case 'ArrowUp':
      return 'previous';
    case 'Enter':
      return 'open';
    case 'r':
      return 'reply';
    // c as in Gmail and Outlook on the web, n as in Thunderbird's "new message".
    case 'c':
    case 'n':
      return 'compose';
    case 'u':
      return 'toggleRead';
    case 's':
      return 'toggleStar';
    default:
      return null;
  }
}

/**
 * j/k or ↓/↑ move through the list, Enter opens, r replies, c / n writes a new mail, u and s
 * mark the open message unread / read and starred — while the page is on screen and
 * the user is not typing. A dialog (account form, compose) takes the keys for itself.
 */
export function useMessageKeys(handlers: MessageKeyHandlers, enabled = true): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(e: KeyboardEvent): void {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const target = e.target instanceof Element ? e.target : null;
      // Dialogs and drop-downs have keys of their own.
      if (target?.closest('.ant-modal-wrap, .ant-drawer, .ant-dropdown, .ant-select-dropdown')) return;
      const command = messageKeyCommand(e);
      // The nav menu and tab bars move with the arrows and act on Enter; j/k/r still work there.
      const arrowOrEnter = e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Enter';
      if (arrowOrEnter && target?.closest('.shell-nav-list, [role="tablist"]')) return;
      // Enter on a focused button or link is that control's click.
      if (command === 'open' && target?.closest('button, a, [role="button"]')) return;
      const h = latest.current;
      if ((command === 'next' || command === 'previous') && h.move) h.move(command === 'next' ? 1 : -1);
      else if (command === 'open' && h.open) h.open();
      else if (command === 'reply' && h.reply) h.reply();
      else if (command === 'compose' && h.compose) h.compose();
      else if (command === 'toggleRead' && h.toggleRead) h.toggleRead();
      else if (command === 'toggleStar' && h.toggleStar) h.toggleStar();
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
