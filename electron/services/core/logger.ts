export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export function consoleLogger(prefix = 'tradefolio'): Logger {
  const line = (level: string, message: string, data?: Record<string, unknown>) =>
    `${new Date().toISOString()} ${level} [${prefix}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}`;
  return {
    info: (m, d) => console.log(line('info', m, d)),
    warn: (m, d) => console.warn(line('warn', m, d)),
    error: (m, d) => console.error(line('error', m, d)),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
