import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/static-files.ts';
import { allowFrameNavigation, isAppUrl, isDevToolsShortcut, isExternalWebUrl } from './navigation-policy.ts';

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // 'will-navigate' sees the main frame only; this one sees every frame, the mail frame included.
  contents.on('will-frame-navigate', (event) => {
    if (!allowFrameNavigation(event)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (app.isPackaged) {
    // webPreferences.devTools is off in a packaged build (main.ts); should a panel open anyway
    // (a future window forgetting the flag), it is closed, and its shortcuts do nothing.
    contents.on('devtools-opened', () => contents.closeDevTools());
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
  }
}

/**
 * Process-wide defences, installed once before the first window: the CSP on every response
 * (also set by the app:// handler; this covers anything else), every permission request
 * denied (camera, notifications from the page, geolocation…), navigation of any frame,
 * window.open and webviews blocked, and DevTools kept shut in packaged builds, in every web
 * contents that will ever exist.
 */
export function installWindowSecurity(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => harden(contents));
}
