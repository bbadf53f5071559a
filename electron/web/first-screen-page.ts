import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppCore } from '../services/core/app-core.ts';
import type { Logger } from '../services/core/logger.ts';
import { FIRST_SCREEN_STATE_ID, firstScreenCalls, VIEWPORT_COOKIE, type FirstScreenRenderer, type FirstScreenRequest } from '../../shared/contract/first-screen.ts';
import type { CallKey } from '../../shared/contract/contract.ts';

export interface FirstScreenPages {
  /**
   * index.html with the customer list already rendered into it, or null (serve index.html as it
   * is, and the browser renders everything) when the renderer's server build is missing or
   * fails, or a call fails: the page must open either way.
   */
  page(request: Omit<FirstScreenRequest, 'answers'>): Promise<string | null>;
  /** Loads the server build and renders once, so the first window does not wait for either. */
  warmUp(): Promise<void>;
}

/** The size in the page's `tradefolio-viewport` cookie (renderer first-screen/viewport-cookie.ts); the renderer checks it is plausible. */
export function viewportFromCookie(cookieHeader: string | undefined): FirstScreenRequest['viewport'] {
  const size = /^(\d{1,5})x(\d{1,5})$/.exec(cookieValue(cookieHeader, VIEWPORT_COOKIE) ?? '');
  return size ? { width: Number(size[1]), height: Number(size[2]) } : null;
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return null;
}

function isRenderer(value: unknown): value is FirstScreenRenderer {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Partial<FirstScreenRenderer>;
  return typeof candidate.render === 'function';
}

/**
 * Puts the rendered first screen into the built index.html: the rows inside `#root`, the state
 * the browser's first render needs in a JSON script element (the CSP forbids inline scripts, not
 * data) ahead of every script that reads it, and the language on `<html>` so the right fonts load at once (app.css .font-warmup).
 */
export function injectFirstScreen(indexHtml: string, page: { html: string; language: string; state: string }): string | null {
  const root = '<div id="root"></div>';
  const htmlTag = /<html lang="[^"]*">/;
  if (!indexHtml.includes(root) || !htmlTag.test(indexHtml) || !indexHtml.includes('</title>')) return null;
  return indexHtml
    .replace(htmlTag, () => `<html lang="${page.language}" class="language-known">`)
    .replace('</title>', () => `</title>\n    <script type="application/json" id="${FIRST_SCREEN_STATE_ID}">${page.state}</script>`)
    .replace(root, () => `<div id="root">${page.html}</div>`);
}

const STYLESHEET_LINK = /<link rel="stylesheet" crossorigin href="(\.\/assets\/[\w.-]+\.css)">/g;

/**
 * The page's render-blocking stylesheets written into it: the page with the list is complete
 * without them, and fetching them (asked for only once the page is being parsed, ~0.1–0.2 s
 * after the navigation starts in a fresh window) was most of what its first paint waited for.
 * `data-href` keeps their place findable (app/full-styles.ts adds antd's full sheet after the
 * first one). A sheet whose relative URLs would resolve differently inline stays a link.
 */
async function inlineStylesheets(html: string, staticDir: string): Promise<string> {
  const sheets = new Map<string, string>();
  for (const [, href] of html.matchAll(STYLESHEET_LINK)) {
    const css = await fs.readFile(path.join(staticDir, href!), 'utf8');
    if (!/url\(|<\/style/i.test(css)) sheets.set(href!, css);
  }
  return html.replace(STYLESHEET_LINK, (link, href: string) => {
    const css = sheets.get(href);
    return css === undefined ? link : `<style data-href="${href}">${css}</style>`;
  });
}

/**
 * The hosts' half of first-screen rendering: asks the core the first screen's calls (the
 * contract's one list of them) and has the renderer's server build (`rendererModule`) turn the
 * answers into HTML.
 */
export function firstScreenPages(options: { core: AppCore; indexHtml: string; rendererModule: string; log: Logger }): FirstScreenPages {
  let loading: Promise<FirstScreenRenderer | null> | null = null;
  // index.html with its stylesheets written in, made once per build of it: index.html is read on
  // every request (a rebuild changes it and the names of the sheets it links), the sheets not.
  let shell: { source: string; inlined: Promise<string> } | null = null;
  const template = async () => {
    const source = await fs.readFile(options.indexHtml, 'utf8');
    if (shell?.source !== source) {
      const inlined = inlineStylesheets(source, path.dirname(options.indexHtml));
      inlined.catch(() => (shell = null));
      shell = { source, inlined };
    }
    return shell.inlined;
  };
  const renderer = () =>
    (loading ??= import(pathToFileURL(options.rendererModule).href).then(
      (mod: Record<string, unknown>) => {
        if (isRenderer(mod.firstScreenRenderer)) return mod.firstScreenRenderer;
        options.log.warn('first-screen renderer has no firstScreenRenderer export', { file: options.rendererModule });
        return null;
      },
      (err: unknown) => {
        // Not built (npm run build:renderer builds it): the browser renders the first screen.
        options.log.warn('first-screen renderer not loaded', { file: options.rendererModule, error: err instanceof Error ? err.message : String(err) });
        return null;
      },
    ));

  async function page(request: Omit<FirstScreenRequest, 'answers'>): Promise<string | null> {
    const loaded = await renderer();
    if (!loaded) return null;
    try {
      const answers: [CallKey, unknown, unknown][] = [];
      for (const [key, input] of firstScreenCalls('customers')) {
        const result = await options.core.dispatch(key, input);
        if (!result.ok) return null;
        answers.push([key, input, result.value]);
      }
      const [html, rendered] = await Promise.all([template(), loaded.render({ ...request, answers })]);
      return injectFirstScreen(html, rendered);
    } catch (err) {
      options.log.error('first-screen render failed', { error: err instanceof Error ? err.message : String(err) });
      return null;
    }
  }

  return {
    page,
    warmUp: async () => {
      await page({ acceptLanguage: 'en', userAgent: '', token: null, viewport: null });
    },
  };
}
