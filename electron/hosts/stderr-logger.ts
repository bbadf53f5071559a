import type { Logger } from '../services/core/logger.ts';

/**
 * Host logs go to stderr: stdout carries the host's answer (the web URL, a CLI result), which
 * scripts read, so no log line may land there.
 */
export function stderrLogger(prefix: string, options: { quiet?: boolean } = {}): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>) =>
    process.stderr.write(`${new Date().toISOString()} ${level} [${prefix}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
  return {
    info: (m, d) => {
      if (!options.quiet) line('info', m, d);
    },
    warn: (m, d) => line('warn', m, d),
    error: (m, d) => line('error', m, d),
  };
}
