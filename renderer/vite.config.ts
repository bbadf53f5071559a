import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * The dev server injects an inline React refresh preamble that the production CSP forbids;
 * the CSP only matters for the built files, so it is dropped while serving.
 */
function dropCspWhileServing(): Plugin {
  return {
    name: 'tradefolio-drop-csp-in-dev',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/, ''),
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), dropCspWhileServing()],
  build: {
    outDir: path.resolve(root, '../dist/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
