import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

function lookup(catalog: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
}

function leafKeys(node: object, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leafKeys(v as object, `${prefix}${k}.`)));
}

describe('message catalogs', () => {
  it('has every error and validation key the services and the contract can return, in both languages', () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(path.join(ROOT, 'electron')), ...sourceFiles(path.join(ROOT, 'shared'))]) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/'((?:errors|validation)\.[A-Za-z_]+|mail\.test\.[A-Za-z]+)'/g)) used.add(m[1]!);
      // Keys built from a closed set of reasons, e.g. `errors.backup_${reason}`.
      for (const m of text.matchAll(/`(errors\.[A-Za-z]+_)\$\{/g)) used.add(`${m[1]}notDatabase`);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) {
      expect(typeof lookup(catalogs.en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(catalogs['zh-CN'], key), `zh-CN ${key}`).toBe('string');
    }
  });

  it('has the same keys in Chinese and English with no empty messages', () => {
    const en = leafKeys(catalogs.en).sort();
    const zh = leafKeys(catalogs['zh-CN']).sort();
    expect(zh).toEqual(en);
    for (const key of en) expect(String(lookup(catalogs['zh-CN'], key)).trim()).not.toBe('');
  });
});
