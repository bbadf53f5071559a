import type { MailAccount } from '../../../../shared/contract/mail.contract.ts';
import type { SecretStore } from '../../platform/secret-store.ts';

export type MailServer = 'imap' | 'smtp';

/**
 * Mail passwords. They go to the SecretStore; where it is unavailable (no OS keychain) they are
 * kept in memory for this session only: the account then reports `hasPassword: false` and
 * `passwordKept: 'session'` at once (not only after a restart), so no answer claims a password
 * the next process will not have, and nothing is ever written in clear.
 */
export function createAccountSecrets(secrets: SecretStore) {
  const sessionPasswords = new Map<string, string>();
  const secretName = (accountId: string, server: MailServer) => `mail.${accountId}.${server}`;
  const get = (accountId: string, server: MailServer): string | null => {
    const name = secretName(accountId, server);
    return sessionPasswords.get(name) ?? secrets.get(name);
  };
  return {
    get,
    set(accountId: string, server: MailServer, value: string): void {
      const name = secretName(accountId, server);
      if (secrets.isAvailable()) {
        secrets.set(name, value);
        sessionPasswords.delete(name);
      } else {
        sessionPasswords.set(name, value);
      }
    },
    /** Forgets both servers' passwords of an account. */
    remove(accountId: string): void {
      for (const server of ['imap', 'smtp'] as const) {
        sessionPasswords.delete(secretName(accountId, server));
        secrets.delete(secretName(accountId, server));
      }
    },
    /** Where this process holds an account's IMAP password: sealed in the store outlives it, memory does not. */
    kept(accountId: string): MailAccount['passwordKept'] {
      const name = secretName(accountId, 'imap');
      if (secrets.get(name) !== null) return 'keychain';
      return sessionPasswords.has(name) ? 'session' : 'none';
    },
    /** For this process only, used before any stored one (the CLI's `--password-stdin`). */
    useForSession(accountId: string, password: string): void {
      sessionPasswords.set(secretName(accountId, 'imap'), password);
    },
  };
}

export type AccountSecrets = ReturnType<typeof createAccountSecrets>;
