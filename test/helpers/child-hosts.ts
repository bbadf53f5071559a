import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './web-app.ts';

const CLI = path.join(REPO_ROOT, 'electron', 'cli', 'cli.main.ts');
const WEB_HOST_CHILD = path.join(REPO_ROOT, 'test', 'helpers', 'web-host-child.ts');

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function childEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...extra };
  delete env.TRADEFOLIO_DATA_DIR;
  return env;
}

/** `npm run cli -- --data-dir <dir> …` as a child process of the same Node. */
export function runCliChild(dataDir: string, args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, ...args], { env: childEnv(env), cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end();
  });
}

export interface WebHostChild {
  pid: number;
  url: string;
  token: string;
  /** A contract call through the host's HTTP API. */
  call(key: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  kill(signal: NodeJS.Signals): Promise<void>;
  stderr(): string;
}

/** A real web host in its own process on `dataDir`; resolves once it prints its link. */
export function startWebHostChild(dataDir: string, env: Record<string, string> = {}): Promise<WebHostChild> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [WEB_HOST_CHILD, '--data-dir', dataDir, '--port', '0'], { env: childEnv(env), cwd: REPO_ROOT });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the web host exited (${code}) before listening: ${stderr}`)));
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\/\?token=([\w-]+)$/m.exec(stdout);
      if (!line) return;
      const [, origin, token] = line as unknown as [string, string, string];
      resolve({
        pid: child.pid!,
        url: `${origin}/?token=${token}`,
        token,
        call: async (key, input) => {
          const res = await fetch(`${origin}/api/call/${key}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-tradefolio-token': token },
            body: JSON.stringify(input),
          });
          return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
        },
        kill: async (signal) => {
          child.kill(signal);
          await exited;
        },
        stderr: () => stderr,
      });
    });
  });
}
