import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import type { FirstScreenPages } from '../web/first-screen-page.ts';
import { contentTypeFor, resolveStaticPath, SECURITY_HEADERS } from '../web/static-files.ts';
import { APP_HOST, APP_SCHEME } from './navigation-policy.ts';

// The scheme's names and its URL test are pure, in navigation-policy.ts, so tests can load them.
export { APP_HOST, APP_ORIGIN, APP_SCHEME, APP_START_URL, isAppUrl } from './navigation-policy.ts';

/**
 * The renderer is loaded from `app://tradefolio/`, not file://: a standard, secure scheme
 * gives the page a real origin (so CSP 'self' means our files only), lets Vite's module
 * scripts load (file:// blocks crossorigin module scripts), and keeps the rest of the disk
 * out of reach — the handler serves only files inside dist/renderer.
 */
/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

async function readInside(root: string, file: string): Promise<Uint8Array | null> {
  try {
    const real = await fs.realpath(file);
    if (!real.startsWith(root + path.sep)) return null;
    return new Uint8Array(await fs.readFile(real));
  } catch {
    return null;
  }
}

/** What the index page needs from the app to have the customer list rendered into it. */
export interface AppSchemeFirstScreen {
  pages: FirstScreenPages;
  /** The system's languages, for when the request carries no Accept-Language. */
  languages(): string;
  /** The window's content size. */
  viewport(): { width: number; height: number } | null;
}

/**
 * Serves dist/renderer (inside app.asar when packaged); unknown paths get index.html, as on the
 * web host, with the customer list rendered into it when `firstScreen` can.
 */
export function handleAppScheme(rendererDir: string, firstScreen: AppSchemeFirstScreen | null): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    }
    const root = await fs.realpath(rendererDir).catch(() => rendererDir);
    const index = path.join(root, 'index.html');
    const candidate = resolveStaticPath(root, url.pathname);
    let file = candidate ?? index;
    let body = candidate === null ? null : await readInside(root, candidate);
    if (body === null) {
      file = index;
      body = await readInside(root, index);
    }
    if (body === null) return new Response('The renderer is not built.', { status: 404, headers: SECURITY_HEADERS });
    if (file === index && request.method === 'GET' && firstScreen) {
      const html = await firstScreen.pages.page({
        acceptLanguage: request.headers.get('accept-language') || firstScreen.languages(),
        userAgent: request.headers.get('user-agent') ?? '',
        token: null,
        viewport: firstScreen.viewport(),
      });
      if (html !== null) return new Response(html, { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file), 'cache-control': 'no-store' } });
    }
    return new Response(body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(file) } });
  });
}
