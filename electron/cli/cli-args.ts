import { flagValue, UsageError, withoutFlag } from '../hosts/data-dir.ts';

/** The command line's small parsers, shared by the commands of cli.main.ts and their own files. */

export function intFlag(argv: readonly string[], name: string, min: number, max: number): number | undefined {
  const value = flagValue(argv, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** The arguments left once these flags (each with its value) are taken out; fails on any other flag or a surplus argument. */
export function onlyFlags(argv: readonly string[], allowed: readonly string[], positional: number): string[] {
  let rest = [...argv];
  for (const flag of allowed) rest = withoutFlag(rest, flag);
  const unknown = rest.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`unknown option ${unknown}`);
  if (rest.length > positional) throw new UsageError(`unexpected argument "${rest[positional]}"`);
  return rest;
}

/** A date as YYYY-MM-DD, or "-". */
export function day(ms: number | null): string {
  return ms === null ? '-' : new Date(ms).toISOString().slice(0, 10);
}

/**
 * The folder the user typed the command in: relative paths are taken from there. `npm run cli`
 * runs in the repository's folder, and npm says where the command was typed in INIT_CWD.
 */
export function typedCwd(env: Readonly<Record<string, string | undefined>>): string {
  return env.INIT_CWD ?? process.cwd();
}
