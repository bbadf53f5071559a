import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/cli.main.ts';
import { startDovecot } from '../../../helpers/mail-servers.ts';
import { REPO_ROOT } from '../../../helpers/web-app.ts';
import { rfc822 } from '../../../helpers/mail-test-kit.ts';

const CLI = path.join(REPO_ROOT, 'electron', 'cli', 'cli.main.ts');
const dataDirs: string[] = [];

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradefolio-cli-'));
  dataDirs.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI as a user runs it: a child process of the same Node, English messages, own data folder. */
function cli(args: string[], options: { dataDir?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', ...options.env };
  delete env.TRADEFOLIO_DATA_DIR;
  if (options.env?.TRADEFOLIO_DATA_DIR) env.TRADEFOLIO_DATA_DIR = options.env.TRADEFOLIO_DATA_DIR;
  // A mail password left in the runner's environment would change what `mail sync` does.
  if (!options.env?.TRADEFOLIO_MAIL_PASSWORD) delete env.TRADEFOLIO_MAIL_PASSWORD;
  const flags = options.dataDir ? ['--data-dir', options.dataDir] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...flags, ...args], { env, cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

/**
 * The same CLI in this process, for the longer scenarios: a child process costs seconds of
 * start-up on a loaded two-core machine, and the child-process path is covered above.
 */
async function cliInProcess(args: string[], options: { dataDir?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const env = { LANG: 'C.UTF-8', ...options.env };
  const flags = options.dataDir ? ['--data-dir', options.dataDir] : [];
  const code = await runCli([...flags, ...args], env, {
    out: (t) => (stdout += `${t}\n`),
    err: (t) => (stderr += `${t}\n`),
    stdin: async () => options.stdin ?? '',
  });
  return { code, stdout, stderr };
}

afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('cli', () => {
  it('creates a customer with a generic call, then lists it in a table', async () => {
    const dataDir = tempDataDir();
    const created = await cli(
      ['call', 'customers.create', JSON.stringify({ name: 'Shanghai Huamei Trading', localName: '上海华美贸易', regionCode: 'AS', country: 'CN', grade: 'A' })],
      { dataDir },
    );
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const result = JSON.parse(created.stdout);
    expect(result).toMatchObject({ ok: true, value: { name: 'Shanghai Huamei Trading', code: 'AS-001-A' } });

    const listed = await cli(['customers', 'list', '--search', '华美'], { dataDir });
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^CODE\s+NAME\s+COUNTRY\s+GRADE/);
    expect(lines[2]).toMatch(/^AS-001-A\s+Shanghai Huamei Trading \(上海华美贸易\)\s+CN\s+A\s+potential/);
    expect(listed.stderr).toContain('1 of 1 customers');

    const none = await cliInProcess(['customers', 'list', '--search', 'nothing-like-this', '--limit', '5'], { dataDir });
    expect(none.code).toBe(0);
    expect(none.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('reads the data folder from TRADEFOLIO_DATA_DIR and reports it in info', async () => {
    const dataDir = tempDataDir();
    const info = await cliInProcess(['info'], { env: { TRADEFOLIO_DATA_DIR: dataDir } });
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(new RegExp(`dataDir\\s+${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(info.stdout).toMatch(/host\s+cli/);
    expect(fs.existsSync(path.join(dataDir, 'tradefolio.sqlite'))).toBe(true);
  });

  it('reads the input from stdin with "-"', async () => {
    const run = await cliInProcess(['call', 'owners.create', '-'], { dataDir: tempDataDir(), stdin: '{"name":"王芳"}' });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, value: { name: '王芳' } });
  });

  it('exits 2 with a clear message for invalid JSON, unknown keys and unknown commands', async () => {
    const dataDir = tempDataDir();
    const badJson = await cli(['call', 'customers.create', '{name:'], { dataDir });
    expect(badJson.code).toBe(2);
    expect(badJson.stdout).toBe('');
    expect(badJson.stderr).toContain('the input for customers.create is not valid JSON');

    const unknownKey = await cliInProcess(['call', 'customers.explode', '{}'], { dataDir });
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toContain('unknown contract key "customers.explode"');

    const unknownCommand = await cliInProcess(['frobnicate'], { dataDir });
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('unknown command "frobnicate"');

    const badLimit = await cliInProcess(['customers', 'list', '--limit', 'lots'], { dataDir });
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('--limit must be a whole number');

    const noValue = await cliInProcess(['info', '--data-dir'], {});
    expect(noValue.code).toBe(2);
    expect(noValue.stderr).toContain('--data-dir needs a value');
  });

  it('exits 1 naming the field when the input breaks the contract', async () => {
    const run = await cli(['call', 'customers.create', JSON.stringify({ name: '   ', regionCode: 'EU', website: 'x'.repeat(301) })], { dataDir: tempDataDir() });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(run.stderr).toContain('error: validation (errors.validation)');
    expect(run.stderr).toMatch(/name: validation\.required: name is required\./);
    expect(run.stderr).toMatch(/website: validation\.tooLong: website is longer than 300 characters\./);
  });

  it('backs up, lists and restores, reporting on stderr', async () => {
    const dataDir = tempDataDir();
    await cliInProcess(['call', 'customers.create', JSON.stringify({ name: 'Kept Before Backup Ltd', regionCode: 'EU' })], { dataDir });
    const now = await cliInProcess(['backup', 'now'], { dataDir });
    expect(now.code).toBe(0);
    const backupFile = now.stdout.trim();
    expect(fs.existsSync(backupFile)).toBe(true);
    expect(now.stderr).toMatch(/backup written \(\d+\.\d MB\)/);

    await cliInProcess(['call', 'customers.create', JSON.stringify({ name: 'Added After Backup Ltd', regionCode: 'EU' })], { dataDir });
    const list = await cliInProcess(['backup', 'list'], { dataDir });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(backupFile);

    const restore = await cliInProcess(['backup', 'restore', backupFile], { dataDir });
    expect(restore.code).toBe(0);
    expect(restore.stderr).toContain('the replaced database was kept as');
    const after = await cliInProcess(['customers', 'list'], { dataDir });
    expect(after.stdout).toContain('Kept Before Backup Ltd');
    expect(after.stdout).not.toContain('Added After Backup Ltd');

    const bogus = path.join(dataDir, 'not-a-backup.sqlite');
    fs.writeFileSync(bogus, 'hello');
    const refused = await cliInProcess(['backup', 'restore', bogus], { dataDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not-a-backup.sqlite');
  });

  it('prints help with exit 0, and usage with exit 2 when no command is given', async () => {
    const help = await cliInProcess(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('customers list');
    const nothing = await cliInProcess([]);
    expect(nothing.code).toBe(2);
  });

  it('mail sync reports an account whose password this machine could not keep, and never stores it in clear', async () => {
    const dovecot = await startDovecot({ users: [{ user: 'cli@example.com', password: 'cli-secret' }] });
    try {
      await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: 'cli@example.com', subject: 'Quote', messageId: 'q@hamburg-trade.de' }), 'cli@example.com');
      const dataDir = tempDataDir();
      const server = { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user: 'cli@example.com' };
      const account = { name: 'Work', email: 'cli@example.com', imap: server, smtp: server, password: 'cli-secret' };
      // Without an OS keychain (as on this machine) the password lives only as long as the process.
      const session = await cliInProcess(['--data-dir', dataDir, 'call', 'mail.addAccount', JSON.stringify(account)]);
      expect(session.code).toBe(0);
      // A new process: nothing was written in clear, so it must ask for the password again.
      const later = await cli(['mail', 'sync'], { dataDir });
      expect(later.code).toBe(1);
      expect(later.stderr).toContain('failed at password');
      expect(fs.readFileSync(path.join(dataDir, 'tradefolio.sqlite')).includes(Buffer.from('cli-secret'))).toBe(false);
    } finally {
      await dovecot.stop();
    }
  });

  it('mail sync takes one run\'s password from stdin or TRADEFOLIO_MAIL_PASSWORD where no keychain keeps it', { timeout: 120_000 }, async () => {
    const dovecot = await startDovecot({
      users: [
        { user: 'sales@example.com', password: 'sales-secret' },
        { user: 'buyer@example.com', password: 'buyer-secret' },
      ],
    });
    try {
      const dataDir = tempDataDir();
      // No Secret Service for the children even on a desktop Linux with a keyring (this machine has none).
      const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
      const run = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) =>
        cli(args, { dataDir, stdin: options.stdin ?? '', env: { ...noKeychain, ...options.env } });
      const accountFor = (user: string, password: string) => {
        const server = { host: '127.0.0.1', port: dovecot.imapPort, security: 'none', user };
        return JSON.stringify({ name: user, email: user, imap: server, smtp: server, password });
      };

      const added = await run(['call', 'mail.addAccount', accountFor('sales@example.com', 'sales-secret')]);
      expect(added.code).toBe(0);
      // The answer must not claim a password the next process will have.
      expect(JSON.parse(added.stdout)).toMatchObject({ ok: true, value: { hasPassword: false, passwordKept: 'session' } });
      const listed = await run(['call', 'mail.listAccounts']);
      expect(JSON.parse(listed.stdout)).toMatchObject({ ok: true, value: [{ email: 'sales@example.com', hasPassword: false, passwordKept: 'none' }] });

      await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: 'sales@example.com', subject: 'Quote 1', messageId: 'q1@hamburg-trade.de' }), 'sales@example.com');
      const viaStdin = await run(['mail', 'sync', '--password-stdin'], { stdin: 'sales-secret\n' });
      expect(viaStdin.stderr).not.toContain('failed');
      expect(viaStdin.code).toBe(0);
      expect(viaStdin.stdout).toMatch(/INBOX\s+1\s+0\s+1\s+1\s+in sync/);

      await dovecot.deliver(rfc822({ from: 'anna@hamburg-trade.de', to: 'sales@example.com', subject: 'Quote 2', messageId: 'q2@hamburg-trade.de' }), 'sales@example.com');
      const viaEnv = await run(['mail', 'sync'], { env: { TRADEFOLIO_MAIL_PASSWORD: 'sales-secret' } });
      expect(viaEnv.code).toBe(0);
      expect(viaEnv.stdout).toMatch(/INBOX\s+1\s+0\s+2\s+2\s+in sync/);

      const without = await run(['mail', 'sync']);
      expect(without.code).toBe(1);
      expect(without.stderr).toContain('--password-stdin');
      expect(without.stderr).toContain('TRADEFOLIO_MAIL_PASSWORD');

      // With two accounts a run's password belongs to the one named, never to a guess.
      expect((await run(['call', 'mail.addAccount', accountFor('buyer@example.com', 'buyer-secret')])).code).toBe(0);
      const ambiguous = await cliInProcess(['mail', 'sync', '--password-stdin'], { dataDir, stdin: 'buyer-secret\n' });
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain('--account');
      const named = await cliInProcess(['mail', 'sync', '--account', 'buyer@example.com', '--password-stdin'], { dataDir, stdin: 'buyer-secret\n' });
      expect(named.code).toBe(0);

      // The passwords were used, never written.
      for (const file of fs.readdirSync(dataDir, { recursive: true, encoding: 'utf8' })) {
        const full = path.join(dataDir, file);
        if (!fs.statSync(full).isFile()) continue;
        const bytes = fs.readFileSync(full);
        expect(bytes.includes(Buffer.from('sales-secret')), file).toBe(false);
        expect(bytes.includes(Buffer.from('buyer-secret')), file).toBe(false);
      }
    } finally {
      await dovecot.stop();
    }
  });
});
