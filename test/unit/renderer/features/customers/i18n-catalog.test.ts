import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LastContactFilter } from '../../../../../shared/contract/customers.contract.ts';
import {
  ACTIVITY_KINDS,
  CHANNEL_KINDS,
  CUSTOMER_SORT_FIELDS,
  DIRECTIONS,
  GRADES,
  PERSONALITY_TYPES,
  SOURCES,
  STAGES,
} from '../../../../../shared/domain/customer-enums.ts';
import { catalogs } from '../../../../../shared/i18n/catalogs.ts';
import { LAST_CONTACT_PRESETS } from '../../../../../renderer/src/features/customers/customer-list-filters.ts';

const RENDERER = path.resolve(import.meta.dirname, '../../../../../renderer/src');
/** The parts of the renderer this suite covers (the shell, the customer and the mail screens). */
const SCANNED = ['app', 'ui', 'features/customers', 'features/mail'];

function lookup(catalog: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
}

/** i18next plurals: `total` with a count resolves to `total_one` / `total_other`. */
function hasMessage(catalog: unknown, key: string): boolean {
  return typeof lookup(catalog, key) === 'string' || typeof lookup(catalog, `${key}_other`) === 'string';
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe('message catalogs used by the shell and customer screens', () => {
  const literalKeys = new Set<string>();
  for (const dir of SCANNED) {
    for (const file of sourceFiles(path.join(RENDERER, dir))) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g)) literalKeys.add(match[1]!);
    }
  }

  it('finds the keys it checks', () => {
    expect(literalKeys.size).toBeGreaterThan(100);
  });

  for (const language of ['en', 'zh-CN'] as const) {
    it(`has every literal key in ${language}`, () => {
      const missing = [...literalKeys].filter((key) => !hasMessage(catalogs[language], key));
      expect(missing).toEqual([]);
    });

    it(`names every enum value in ${language}`, () => {
      const keys = [
        ...GRADES.map((g) => `grades.${g}`),
        ...STAGES.map((s) => `stages.${s}`),
        ...SOURCES.map((s) => `sources.${s}`),
        ...CHANNEL_KINDS.map((k) => `channels.${k}`),
        ...ACTIVITY_KINDS.flatMap((k) => [`activityKinds.${k}`, `timeline.logTitle.${k}`]),
        ...DIRECTIONS.map((d) => `directions.${d}`),
        ...CUSTOMER_SORT_FIELDS.map((f) => `customers.sort.fields.${f}`),
        ...LAST_CONTACT_PRESETS.map((p) => `customers.lastContact.${p}`),
        ...PERSONALITY_TYPES.flatMap((p) => [`personality.${p}.name`, `personality.${p}.traits`, `personality.${p}.approach`]),
      ];
      expect(keys.filter((key) => !hasMessage(catalogs[language], key))).toEqual([]);
    });
  }

  it('gives each personality type a short approach (1-3 sentences) in both languages', () => {
    for (const p of PERSONALITY_TYPES) {
      const en = String(lookup(catalogs.en, `personality.${p}.approach`));
      const zh = String(lookup(catalogs['zh-CN'], `personality.${p}.approach`));
      expect(en.split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, p).toBeLessThanOrEqual(3);
      expect(zh.split(/[。！？]/).filter((s) => s.trim()).length, p).toBeLessThanOrEqual(3);
    }
  });

  it('uses the seed documents\' Chinese names for the nine types', () => {
    expect(PERSONALITY_TYPES.map((p) => lookup(catalogs['zh-CN'], `personality.${p}.name`))).toEqual([
      '理智型',
      '任务型',
      '贪婪型',
      '主人翁型',
      '抢功型',
      '吝啬型',
      '刁蛮型',
      '关系型',
      '综合型',
    ]);
  });

  it('lists exactly the contract\'s last-contact presets', () => {
    expect([...LAST_CONTACT_PRESETS]).toEqual([...LastContactFilter.options]);
  });
});
