import { dialog, type BrowserWindow } from 'electron';
import type { PickPurpose } from '../../shared/contract/app.contract.ts';
import type { Language } from '../../shared/i18n/catalogs.ts';
import { translate } from '../hosts/translate.ts';

/** What each purpose picks, and the dialog's title (an i18n key). */
const DIALOGS: Record<PickPurpose, { title: string; properties: Electron.OpenDialogOptions['properties']; filters?: { name: string; extensions: string[] }[] }> = {
  backupFolder: { title: 'backups.pickFolderTitle', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] },
  mailArchiveFile: {
    title: 'imports.center.form.pickFileTitle',
    properties: ['openFile'],
    // Mail archives are often named without an extension (Thunderbird's "Inbox"): "All files" too.
    filters: [
      { name: 'imports.center.form.pickFilterMail', extensions: ['mbox', 'mbx', 'eml', 'msg', 'pst'] },
      { name: 'imports.center.form.pickFilterAll', extensions: ['*'] },
    ],
  },
  mailArchiveFolder: { title: 'imports.center.form.pickFolderTitle', properties: ['openDirectory'] },
  // Where an export goes: the Export tab joins the folder and the file's name.
  exportFolder: { title: 'exports.center.pickFolderTitle', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] },
  contactSheetFile: {
    title: 'contactImport.center.file.pickTitle',
    properties: ['openFile'],
    // The reader goes by content, not by name (a "sheet.xlsx" that is really CSV still reads): "All files" too.
    filters: [
      { name: 'contactImport.center.file.pickFilter', extensions: ['xlsx', 'csv', 'txt', 'tsv', 'vcf'] },
      { name: 'imports.center.form.pickFilterAll', extensions: ['*'] },
    ],
  },
  // The letterhead's logo: the settings service checks the file's bytes, whatever its name.
  letterheadLogoFile: {
    title: 'quoteDocuments.letterhead.pickTitle',
    properties: ['openFile'],
    filters: [{ name: 'quoteDocuments.letterhead.pickFilter', extensions: ['png', 'jpg', 'jpeg'] }],
  },
  // A product's photo, and the sheet and image folder of a product import (issue 13 point 1).
  productImageFile: {
    title: 'products.pick.imageTitle',
    properties: ['openFile'],
    filters: [{ name: 'products.pick.imageFilter', extensions: ['jpg', 'jpeg', 'png', 'webp', 'gif'] }],
  },
  productSheetFile: {
    title: 'products.pick.sheetTitle',
    properties: ['openFile'],
    filters: [
      { name: 'products.pick.sheetFilter', extensions: ['xlsx', 'csv', 'txt', 'tsv'] },
      { name: 'imports.center.form.pickFilterAll', extensions: ['*'] },
    ],
  },
  productImageFolder: { title: 'products.pick.imageFolderTitle', properties: ['openDirectory'] },
};

/**
 * The system's file and folder dialog for the contract's app.pickFolder: the backup folder is
 * chosen, not typed (a typed relative path used to land in the program's own folder), and so is
 * a mail archive to import. The dialog is modal to the app's window; what is chosen is still
 * checked by the service that uses it.
 */
export function createFolderPicker(window: () => BrowserWindow | null, language: () => Promise<Language>) {
  return async (request: { purpose: PickPurpose; defaultPath?: string }): Promise<string | null> => {
    const kind = DIALOGS[request.purpose];
    const lang = await language();
    const options: Electron.OpenDialogOptions = {
      title: translate(lang, kind.title),
      properties: kind.properties,
      ...(kind.filters ? { filters: kind.filters.map((f) => ({ ...f, name: translate(lang, f.name) })) } : {}),
      ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
    };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}
