/**
 * The window's security decisions as pure functions of plain data: window-security.ts and
 * app-protocol.ts apply them through Electron's events, and unit tests check them in plain Node
 * (importing `electron` there throws, and no Electron binary can run on our build machines).
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'tradefolio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Only plain web links leave the app, and only to the OS browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** The part of Electron's `will-frame-navigate` details the decision needs. */
export interface FrameNavigation {
  url: string;
  isMainFrame: boolean;
}

/**
 * Whether a frame may load `url`. The main frame stays on the app's own scheme. The only
 * subframe the renderer makes is the reading pane's sandboxed mail frame, whose document is
 * its `srcdoc`: a link clicked inside a mail (or anything a hostile mail tries) must not turn
 * that frame into a browser for the web, with or without scripts.
 */
export function allowFrameNavigation(navigation: FrameNavigation): boolean {
  if (navigation.isMainFrame) return isAppUrl(navigation.url);
  return navigation.url === 'about:srcdoc' || navigation.url === 'about:blank';
}

/** The part of Electron's `before-input-event` input the decision needs. */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * The keys Chromium and Electron's default View menu open DevTools (or its element picker and
 * console) with: F12, Ctrl+Shift+I/J/C, and Cmd+Alt+I/J/C on macOS. A packaged build has
 * DevTools turned off in webPreferences; swallowing the keys as well leaves no half-open panel.
 */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  if (input.key === 'F12') return true;
  const letter = input.key.toLowerCase();
  if (letter !== 'i' && letter !== 'j' && letter !== 'c') return false;
  return (input.control && input.shift && !input.alt) || (input.meta && input.alt);
}
