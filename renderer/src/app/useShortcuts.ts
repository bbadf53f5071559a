import { useEffect } from 'react';
import { navigate } from './router.ts';
import { runShellCommand } from './shell-commands.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Ctrl/Cmd+K focuses the search box in the header (customers, contacts and mail), "/" jumps to
 * the customer list's search, Ctrl/Cmd+N (and Alt+N, because browsers keep Ctrl+N for a new
 * window) opens a new customer, Ctrl/Cmd+Shift+T (and Alt+T, because browsers keep Ctrl+Shift+T
 * for reopening a tab) a new task.
 */
export function useShortcuts(): void {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent): void {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'k') {
        e.preventDefault();
        runShellCommand('focusGlobalSearch');
      } else if (e.key === '/' && !mod && !e.altKey && !isTyping(e.target)) {
        e.preventDefault();
        navigate({ page: 'customers' });
        runShellCommand('focusSearch');
      } else if ((mod && !e.shiftKey && key === 'n') || (e.altKey && !mod && e.code === 'KeyN')) {
        e.preventDefault();
        runShellCommand('newCustomer');
      } else if ((mod && e.shiftKey && key === 't') || (e.altKey && !mod && !e.shiftKey && e.code === 'KeyT')) {
        e.preventDefault();
        runShellCommand('newTask');
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
