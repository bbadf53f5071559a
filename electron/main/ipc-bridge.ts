import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract/result.ts';
import type { AppCore } from '../services/core/app-core.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../preload/ipc-channels.ts';
import { isAppUrl } from './app-protocol.ts';

const UNAUTHORIZED: Result<never> = { ok: false, error: { code: 'unauthorized', message: 'errors.unauthorized' } };

/**
 * Connects the preload's two channels to the core. A call is answered only when it comes
 * from the main frame of our window showing our own app:// page — not from an iframe, not
 * after a navigation we failed to stop, not from another window.
 */
export function connectIpc(core: AppCore, getWindow: () => BrowserWindow | null): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const win = getWindow();
    const frame = event.senderFrame;
    if (win === null || win.isDestroyed() || event.sender !== win.webContents || frame === null) return false;
    const main = win.webContents.mainFrame;
    // Compared by ids rather than object identity, which Electron does not promise for frames.
    return frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId && isAppUrl(frame.url);
  };
  ipcMain.handle(INVOKE_CHANNEL, async (event, key: unknown, input: unknown) => {
    if (!trusted(event)) return UNAUTHORIZED;
    if (typeof key !== 'string') return { ok: false, error: { code: 'unknownCall', message: 'errors.unknownCall', params: { key: String(key) } } };
    return core.dispatch(key, input);
  });
  const unsubscribe = core.subscribe((event, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
