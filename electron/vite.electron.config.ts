import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * Bundles the Electron main process and the preload into dist-electron/ as CommonJS:
 *   electron/main/main.ts       → dist-electron/main.cjs    (package.json "main")
 *   electron/preload/preload.ts → dist-electron/preload.cjs
 *   electron/services/mail/store/parse-worker.ts → dist-electron/parse-worker.cjs (the mail
 *     parser's worker thread, found beside main.cjs by parse-pool.ts)
 *   electron/services/imports/contact-import/contact-rows-worker.ts → dist-electron/contact-rows-worker.cjs
 *     (a contact import's reading thread, found beside main.cjs by contact-rows.ts)
 * Two separate builds, so no chunk is shared between them: a sandboxed preload can require
 * nothing but `electron`, so it must be one self-contained file. Everything else (zod,
 * kysely, our shared/, db/, services) is bundled in; better-sqlite3 stays external because
 * it is a native module, loaded from node_modules (unpacked from the asar when packaged).
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist-electron');
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

function nodeBundle(entry: string, fileName: string, external: string[], emptyOutDir: boolean): UserConfig {
  return {
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: entry,
      outDir,
      emptyOutDir,
      target: 'node22',
      minify: false,
      sourcemap: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        external,
        output: { format: 'cjs', entryFileNames: fileName, codeSplitting: false },
      },
    },
    // Bundle every dependency except the ones listed as external above.
    ssr: { noExternal: true, external: external.filter((e) => !e.startsWith('node:')) },
  };
}

const mainConfig = nodeBundle(
  path.join(root, 'electron/main/main.ts'),
  'main.cjs',
  // sharp (product thumbnails) is native like better-sqlite3.
  ['electron', 'better-sqlite3', 'sharp', ...nodeBuiltins],
  true,
);
const preloadConfig = nodeBundle(path.join(root, 'electron/preload/preload.ts'), 'preload.cjs', ['electron'], false);
const parseWorkerConfig = nodeBundle(path.join(root, 'electron/services/mail/store/parse-worker.ts'), 'parse-worker.cjs', nodeBuiltins, false);
const contactRowsWorkerConfig = nodeBundle(path.join(root, 'electron/services/imports/contact-import/contact-rows-worker.ts'), 'contact-rows-worker.cjs', nodeBuiltins, false);

/** Runs the preload build once the main build has finished (and emptied dist-electron/). */
function buildPreloadAfterMain(): Plugin {
  return {
    name: 'tradefolio-build-preload',
    apply: 'build',
    async closeBundle() {
      await build({ ...preloadConfig, configFile: false });
      await build({ ...parseWorkerConfig, configFile: false });
      await build({ ...contactRowsWorkerConfig, configFile: false });
    },
  };
}

export default defineConfig({ ...mainConfig, plugins: [buildPreloadAfterMain()] });
