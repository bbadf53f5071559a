import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rollup } from 'vite';

type OutputChunk = Rollup.OutputChunk;
import { antdUsedCss } from './vite-plugins/antd-used-css.ts';
import { precompress } from './vite-plugins/precompress.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The dev server injects an inline React refresh preamble that the production CSP forbids;
 * the CSP only matters for the built files, so it is dropped while serving.
 */
function dropCspWhileServing(): Plugin {
  return {
    name: 'tradefolio-drop-csp-in-dev',
    apply: 'serve',
    // The tag spans several lines in index.html.
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

/**
 * `src/first-screen/early.ts` is a second entry that starts the first screen's calls while the app's
 * code is still loading. Vite would merge a second module script of index.html into the main
 * entry (which runs only once all of the app's code has loaded), so it is built as its own input
 * and added here as an async module script, which runs as soon as it arrives. `modules` collects
 * what it imports, so the chunking below keeps those few small modules out of the big chunks.
 */
function firstScreenScript(modules: Set<string>): Plugin {
  return {
    name: 'tradefolio-first-screen-script',
    apply: 'build',
    buildEnd() {
      modules.clear();
      const entry = [...this.getModuleIds()].find((id) => id === FIRST_SCREEN_ENTRY);
      const queue = entry ? [entry] : [];
      while (queue.length) {
        const id = queue.pop()!;
        if (modules.has(id)) continue;
        modules.add(id);
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry && c.name === 'first-screen');
        if (!chunk) throw new Error('first-screen entry missing from the bundle');
        // Ahead of the app's scripts and with a high priority: Chromium otherwise starts an async
        // script last, after the six connections it allows per host have fetched the big chunks.
        const tags = [`./${chunk.fileName}`, ...chunk.imports.map((f) => `./${f}`)]
          .map((src, i) => (i === 0 ? `<script type="module" async crossorigin fetchpriority="high" src="${src}"></script>` : `<link rel="modulepreload" crossorigin fetchpriority="high" href="${src}">`))
          .join('\n    ');
        let rest = html;
        // (Vite preloads those imports for the main entry too; once is enough.)
        for (const f of chunk.imports) rest = rest.replace(new RegExp(`\\s*<link rel="modulepreload" crossorigin href="\\./${f.replaceAll('.', '\\.')}">`), '');
        // The stylesheets ahead of all scripts: the host puts the customer list into the page
        // (electron/web/first-screen-page.ts), so they are all its first paint waits for, and
        // the browser asks for them first.
        const sheets = rest.match(/<link rel="stylesheet"[^>]*>/g) ?? [];
        for (const sheet of sheets) rest = rest.replace(new RegExp(`\\s*${sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), '');
        const at = rest.indexOf('<script type="module"');
        if (at === -1) throw new Error('index.html has no module script');
        return `${rest.slice(0, at)}${[...sheets, tags].join('\n    ')}\n    ${rest.slice(at)}`;
      },
    },
  };
}

/**
 * Every antd input, select and checkbox reads antd's form context (antd/es/form/context.js),
 * which imports `FormProvider` from rc-form's index, and rc-form's index (not marked free of side
 * effects) brings all of rc-form and its validator (~40 KB minified) into the first screen. That
 * one import is pointed at the module that defines FormProvider; antd's Form itself, loaded with
 * the screens that have forms, still imports the whole index. Should antd's file ever import
 * anything else from rc-form, the build fails on the missing export instead of misbehaving.
 */
function antdFormContextWithoutRcFormIndex(): Plugin {
  return {
    name: 'tradefolio-antd-form-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer || !/[\\/]antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)) return null;
      return this.resolve('@rc-component/form/es/FormContext', importer);
    },
  };
}

/** index.html's script (and what Vite makes of it) stays in the entry chunk. */
const isEntryModule = (id: string) => id.startsWith(path.resolve(root, 'index.html')) || id === path.resolve(root, 'src/main.tsx');
const FIRST_SCREEN_ENTRY = path.resolve(root, 'src/first-screen/early.ts');
const firstScreenModules = new Set<string>();
const inNodeModules = /[\\/]node_modules[\\/]/;

export default defineConfig({
  root,
  base: './',
  plugins: [react(), dropCspWhileServing(), firstScreenScript(firstScreenModules), antdFormContextWithoutRcFormIndex(), antdUsedCss({
      sourceDir: path.join(root, 'src'),
      // The list's filter Selects load just after its first paint and are styled by the first sheet.
      firstScreen: [path.join(root, 'src', 'main.tsx'), path.join(root, 'src', 'features', 'customers', 'CustomerFilterControls.tsx')],
    }), precompress()],
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
    rolldownOptions: {
      input: {
        index: path.resolve(root, 'index.html'),
        'first-screen': FIRST_SCREEN_ENTRY,
      },
      output: {
        // What the first screen needs, in a few named chunks: React, antd (with rc-component),
        // the other libraries, the app's own code, and the entry; the libraries in three so the
        // browser parses them in parallel. Left to itself, Rolldown cuts the code shared by the
        // entry and the lazy screens into dozens of small chunks, or into one common chunk named
        // after whichever module came first (`app-errors`). The lazy screens keep automatic chunks.
        codeSplitting: {
          groups: [
            { name: 'first-screen-calls', test: (id) => firstScreenModules.has(id) && id !== FIRST_SCREEN_ENTRY, priority: 3 },
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'antd', test: /[\\/]node_modules[\\/](antd|@ant-design|@rc-component|stylis|@emotion)[\\/]/, tags: ['$initial'], priority: 3 },
            { name: 'vendor', test: inNodeModules, tags: ['$initial'], priority: 2 },
            { name: 'app', test: (id) => !inNodeModules.test(id) && !firstScreenModules.has(id) && !isEntryModule(id), tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
