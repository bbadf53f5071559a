import { describe, expect, it } from 'vitest';
import { pathKey } from '../../../../../renderer/src/features/imports/export-paths.ts';
import { withoutExport, withProgress, type ExportProgress, type RunningExports } from '../../../../../renderer/src/features/imports/export-progress.ts';

const customers: ExportProgress = { kind: 'customers', path: '/Users/li/customers.xlsx', phase: 'customers', done: 10, total: 100 };
const mail: ExportProgress = { kind: 'mail', path: '/Users/li/mail.mbox', phase: 'mail', done: 5, total: 50 };

describe('the Export tab\u2019s progress lines', () => {
  it('keeps one line per running export, and an export that ends clears only its own', () => {
    let running: RunningExports = new Map();
    running = withProgress(withProgress(running, customers), mail);
    running = withProgress(running, { ...customers, done: 20 });
    expect([...running.values()].map((p) => [p.kind, p.done])).toEqual([
      ['customers', 20],
      ['mail', 5],
    ]);
    running = withoutExport(running, '/Users/li/mail.mbox');
    expect([...running.values()].map((p) => p.kind)).toEqual(['customers']);
    expect(withoutExport(running, ' /Users/li/customers.xlsx ').size).toBe(0);
  });

  it('matches the path typed with the one the service reports after normalising it', () => {
    expect(pathKey('/Users//li/exports/')).toBe(pathKey('/Users/li/exports'));
    expect(pathKey('D:/Exports/mail.mbox')).toBe(pathKey('D:\\Exports\\mail.mbox'));
    expect(pathKey('/')).toBe('/');
  });
});
