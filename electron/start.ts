import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from './hosts/app-package.ts';
import { ensureRendererBuilt, REPO_RENDERER_BUILD } from './web/renderer-build.ts';
import { runWebHost } from './web/web-host.main.ts';

/**
 * `npm start`: the Electron app when its binary is on this machine; otherwise, in one line,
 * why not, and the same app in the browser through the local web host.
 */

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Finds the Electron executable the way the `electron` package does (path.txt naming a file
 * under dist/, or ELECTRON_OVERRIDE_DIST_PATH) but only looks: requiring the package would
 * start its download-on-first-run (electron >= 42), which hangs or fails where GitHub is
 * unreachable.
 */
export function findElectronBinary(env: Readonly<Record<string, string | undefined>> = process.env): ElectronBinary {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const overridden = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return fs.existsSync(overridden) ? { ok: true, path: overridden } : { ok: false, reason: `${overridden} does not exist` };
  }
  if (relative === null) return { ok: false, reason: 'its binary was never downloaded' };
  const binary = path.join(packageDir, 'dist', relative);
  return fs.existsSync(binary) ? { ok: true, path: binary } : { ok: false, reason: `${binary} is missing` };
}

function viteBuild(config: string): boolean {
  const vite = path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status === 0;
}

/**
 * Opens the tokenised URL without putting the token on a command line, where other local
 * users could read it (/proc/<pid>/cmdline is world-readable, and a browser keeps its argv):
 * the browser gets a private (0600) HTML file that redirects to the URL.
 */
function openInBrowser(url: string, dataDir: string): (() => void) | null {
  const launcher = path.join(dataDir, 'open-in-browser.html');
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const escaped = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    fs.writeFileSync(launcher, `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}"><title>TradeFolio</title>\n`, { mode: 0o600 });
  } catch {
    return null;
  }
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [launcher]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', launcher]]
        : ['xdg-open', [launcher]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No opener (a server, a container): the URL is printed, which is enough.
  }
  return () => fs.rmSync(launcher, { force: true });
}

async function runElectron(binary: string, argv: readonly string[]): Promise<number> {
  // The renderer only when it is missing or stale (it takes most of the time); the main process
  // always, as it is quick and dist-electron has no stamp.
  if (!ensureRendererBuilt(REPO_RENDERER_BUILD, (line) => console.error(line)) || !viteBuild('electron/vite.electron.config.ts')) {
    console.error('The build failed; see the messages above.');
    return 1;
  }
  // The app folder is the repository: package.json's "main" points at dist-electron/main.cjs.
  const child = spawn(binary, [REPO_ROOT, ...argv], { stdio: 'inherit', cwd: REPO_ROOT });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('error', (err) => {
      console.error(`Electron could not be started: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const noOpen = argv.includes('--no-open');
  const rest = argv.filter((a) => a !== '--no-open');
  const electron = findElectronBinary(env);
  if (electron.ok) return runElectron(electron.path, rest);

  console.error(`Electron binary not available on this machine (${electron.reason}); opening the web host instead.`);
  // runWebHost builds the renderer first when it is missing or stale.
  let cleanup: (() => void) | null = null;
  const code = await runWebHost({
    argv: rest,
    env,
    onListening: (url, dataDir) => {
      if (!noOpen) cleanup = openInBrowser(url, dataDir);
    },
  });
  (cleanup as (() => void) | null)?.();
  return code;
}

if (import.meta.main) {
  process.exitCode = await main(process.argv.slice(2), process.env);
}
