import { UsageError } from '../hosts/data-dir.ts';

/**
 * A mail password for one CLI run, for machines whose keychain cannot keep one between runs
 * (a Linux box with no Secret Service, Windows without the desktop app). It is never taken from
 * the command line, where `ps` and shell history would show it: it comes from stdin or from the
 * environment, is handed to the mail service's memory for this run only, and is never written.
 */

export const PASSWORD_STDIN_FLAG = '--password-stdin';
export const PASSWORD_ENV = 'TRADEFOLIO_MAIL_PASSWORD';

/** Named in every message about a missing password, so the way out is on screen. */
export const PASSWORD_OPTIONS_HINT = `pipe it in with ${PASSWORD_STDIN_FLAG} or set ${PASSWORD_ENV} for this run (never on the command line)`;

/** The lines `npm run cli -- help` prints under `mail sync`. */
export const PASSWORD_USAGE = `                                    ${PASSWORD_STDIN_FLAG}: the account's password from the first line
                                    of stdin, for this run only (or set ${PASSWORD_ENV});
                                    one account's, so give --account when there are several`;

export interface RunPassword {
  password: string;
  source: typeof PASSWORD_STDIN_FLAG | typeof PASSWORD_ENV;
}

/**
 * The password given to this run, or null. `--password-stdin` wins over the environment: the
 * flag is typed for this run, the variable may be left over in the shell.
 */
export async function readRunPassword(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stdin: () => Promise<string>,
): Promise<RunPassword | null> {
  if (argv.includes(PASSWORD_STDIN_FLAG)) {
    // One line, as `docker login --password-stdin` takes it: a trailing newline from `echo` or a
    // password manager is not part of the password.
    const line = (await stdin()).split(/\r?\n/, 1)[0] ?? '';
    if (line === '') throw new UsageError(`${PASSWORD_STDIN_FLAG} read no password: stdin was empty`);
    return { password: line, source: PASSWORD_STDIN_FLAG };
  }
  const fromEnv = env[PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { password: fromEnv, source: PASSWORD_ENV };
  return null;
}

/**
 * The one account a run's password belongs to. Several candidates is a usage error rather than
 * a guess: trying one account's password on another's server would hand it to the wrong party.
 */
export function accountForPassword<A extends { id: string; email: string }>(given: RunPassword, accounts: readonly A[]): A {
  const [only, ...others] = accounts;
  if (only === undefined) throw new UsageError(`${given.source} was given but there is no mail account to sync`);
  if (others.length > 0) {
    throw new UsageError(`${given.source} gives one account's password; choose it with --account <id or address> (one of ${accounts.map((a) => a.email).join(', ')})`);
  }
  return only;
}

/**
 * Hands this run's password, if one was given, to the mail service for the one account being
 * synced. `argv` is the words after `mail sync`.
 */
export async function giveRunPassword<A extends { id: string; email: string }>(
  mail: { useSessionPassword(accountId: string, password: string): void },
  accounts: readonly A[],
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  stdin: () => Promise<string>,
): Promise<void> {
  const given = await readRunPassword(argv, env, stdin);
  if (given) mail.useSessionPassword(accountForPassword(given, accounts).id, given.password);
}
