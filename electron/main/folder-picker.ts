import { dialog, type BrowserWindow } from 'electron';
import type { Language } from '../../shared/i18n/catalogs.ts';
import { translate } from '../hosts/translate.ts';

/**
 * The system's folder dialog for the contract's app.pickFolder: the backup folder is chosen,
 * not typed (a typed relative path used to land in the program's own folder). The dialog is
 * modal to the app's window; the chosen folder is still checked by the settings service.
 */
export function createFolderPicker(window: () => BrowserWindow | null, language: () => Promise<Language>) {
  return async (request: { purpose: 'backupFolder'; defaultPath?: string }): Promise<string | null> => {
    const options: Electron.OpenDialogOptions = {
      title: translate(await language(), 'backups.pickFolderTitle'),
      properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
    };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
