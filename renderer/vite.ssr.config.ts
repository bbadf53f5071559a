import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The full stylesheet's URL matters only in a browser (app/full-styles.ts). */
function noFullStylesheet(): Plugin {
  const id = 'virtual:antd-full-css';
  return {
    name: 'tradefolio-ssr-no-full-css',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? 'export default null;' : null),
  };
}

/**
 * The renderer's server build: the first screen rendered to HTML by the hosts, which run it in
 * Node (the web host) or in Electron's main process. Everything is bundled — antd's `es` files
 * import without file extensions, which Node's ESM loader refuses — and stylesheets are left to
 * the browser build.
 */
export default defineConfig({
  root,
  plugins: [react(), noFullStylesheet()],
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: path.resolve(root, 'src/first-screen/server-renderer.tsx'),
    outDir: path.resolve(root, '../dist/renderer-ssr'),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'first-screen-renderer.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' } },
  },
});
