import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { Language } from '../../shared/i18n/catalogs.ts';
import { createAppCore, DATABASE_FILE_NAME, type AppCore } from '../services/core/app-core.ts';
import { createElectronSecretStore } from './electron-secret-store.ts';
import { systemClock } from '../services/core/clock.ts';
import { createDailyReminderNotice } from '../hosts/daily-reminder-notice.ts';
import { createDueNotices, DUE_NOTICE_INTERVAL_MS } from '../hosts/due-notices.ts';
import { startHourlyWork, type HourlyWork } from '../hosts/hourly-work.ts';
import { APP_FOLDER_NAME, resolveDataDir } from '../hosts/data-dir.ts';
import { useLeanHeap } from '../hosts/lean-heap.ts';
import { stderrLogger } from '../hosts/stderr-logger.ts';
import { describeFailure, pickLanguage } from '../hosts/translate.ts';
import { APP_START_URL, handleAppScheme, registerAppScheme } from './app-protocol.ts';
import { firstScreenPages } from '../web/first-screen-page.ts';
import { firstScreenRendererBeside } from '../hosts/app-package.ts';
import { createElectronNotifier } from './electron-notifier.ts';
import { createFolderPicker } from './folder-picker.ts';
import { connectIpc } from './ipc-bridge.ts';
import { installWindowSecurity } from './window-security.ts';

/**
 * The Electron app: one window over one core. Everything security-relevant lives in the
 * small modules imported above; this file is lifecycle only.
 *
 * Paths: the app folder is app.getAppPath() (the repository in development, app.asar when
 * packaged); main.cjs and preload.cjs are in dist-electron/, the renderer in dist/renderer/,
 * served through app://tradefolio/ (see app-protocol.ts).
 */

const log = stderrLogger('app');

// Before 'ready': the scheme must be privileged, and userData must be the folder the web
// host and CLI use by default, whatever name package.json carries.
registerAppScheme();
// Every renderer sandboxed, whatever a future window's webPreferences forget (must precede 'ready').
app.enableSandbox();
app.setPath('userData', path.join(app.getPath('appData'), APP_FOLDER_NAME));

let mainWindow: BrowserWindow | null = null;
let core: AppCore | null = null;
let closing = false;
/** The hourly backup and reminder check; stopped (and waited for) before the core closes. */
let hourly: HourlyWork | null = null;
let dueTimer: ReturnType<typeof setInterval> | null = null;

function osLanguage(): Language {
  return pickLanguage(app.getPreferredSystemLanguages()[0] ?? app.getLocale());
}

async function userLanguage(current: AppCore): Promise<Language> {
  const settings = await current.dispatch('settings.get', {});
  const chosen = settings.ok ? (settings.value as { language: string }).language : 'system';
  return chosen === 'system' ? osLanguage() : pickLanguage(chosen);
}

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'TradeFolio',
    webPreferences: {
      preload: path.join(app.getAppPath(), 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A packaged build has no DevTools: in the field they would be a console into the page's contract bridge.
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  void win.loadURL(APP_START_URL);
}

async function start(): Promise<void> {
  let dataDir: string;
  try {
    dataDir = resolveDataDir(process.argv, process.env, () => app.getPath('userData')).dataDir;
  } catch (err) {
    dialog.showErrorBox('TradeFolio', err instanceof Error ? err.message : String(err));
    app.exit(2);
    return;
  }
  try {
    core = await createAppCore({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      log,
      secrets: createElectronSecretStore(dataDir),
      // Packaged: the folder of the executable (an update replaces it); in development the repository.
      installDir: app.isPackaged ? path.dirname(app.getPath('exe')) : app.getAppPath(),
      pickFolder: createFolderPicker(
        () => mainWindow,
        () => (core ? userLanguage(core) : Promise.resolve(osLanguage())),
      ),
    });
  } catch (err) {
    // A failed migration is blocking: the database stays as it was (each migration runs in a
    // transaction), and the app does not open on a half-upgraded file.
    dialog.showErrorBox('TradeFolio', describeFailure(osLanguage(), err, path.join(dataDir, DATABASE_FILE_NAME)));
    app.exit(1);
    return;
  }
  const current = core;

  installWindowSecurity();
  const rendererDir = path.join(app.getAppPath(), 'dist', 'renderer');
  const firstScreen = firstScreenPages({ core: current, indexHtml: path.join(rendererDir, 'index.html'), rendererModule: firstScreenRendererBeside(rendererDir), log });
  handleAppScheme(rendererDir, {
    pages: firstScreen,
    languages: () => app.getPreferredSystemLanguages().join(',') || app.getLocale(),
    viewport: () => {
      const [width, height] = mainWindow && !mainWindow.isDestroyed() ? mainWindow.getContentSize() : [];
      return width && height ? { width, height } : null;
    },
  });
  connectIpc(current, () => mainWindow);
  createWindow();
  void current.warmUp();
  void firstScreen.warmUp();
  current.startBackgroundSync();

  const notice = createDailyReminderNotice({
    dataDir,
    dispatch: (key, input) => current.dispatch(key, input),
    notifier: createElectronNotifier(showWindow),
    clock: systemClock,
    language: () => userLanguage(current),
  });
  const dueNotices = createDueNotices({
    dispatch: (key, input) => current.dispatch(key, input),
    notifier: createElectronNotifier(showWindow),
    language: () => userLanguage(current),
  });
  dueTimer = setInterval(() => void dueNotices.runOnce().catch((err: unknown) => log.warn('due notices failed', { error: String(err) })), DUE_NOTICE_INTERVAL_MS);
  hourly = startHourlyWork(
    async () => {
      await current.runScheduledBackup();
      // Sent quotes past their validity are stored 'expired' (screens already read them so).
      await current.dispatch('quotes.expireDue', {});
      // Value scores whose recency band ran out with time alone (writes rescore theirs at once).
      await current.dispatch('scores.refresh', {});
      await notice.runIfDue().catch((err: unknown) => log.warn('reminder notice failed', { error: String(err) }));
    },
    (err) => log.warn('hourly work failed', { error: String(err) }),
  );
}

useLeanHeap();
if (!app.requestSingleInstanceLock()) {
  // Two processes writing one database file would fight over it; the first window comes forward instead.
  app.quit();
} else {
  app.on('second-instance', () => showWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    // Close the database (WAL checkpoint) before the process goes.
    event.preventDefault();
    closing = true;
    const current = core;
    core = null;
    const chores = hourly;
    hourly = null;
    if (dueTimer) clearInterval(dueTimer);
    void (async () => {
      await chores?.stop();
      await current.close();
    })().finally(() => app.quit());
  });
  app.whenReady().then(start, (err: unknown) => {
    log.error('startup failed', { error: String(err) });
    app.exit(1);
  });
}
