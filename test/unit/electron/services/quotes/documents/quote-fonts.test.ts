import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quoteFont, quoteFontPath } from '../../../../../../electron/services/quotes/documents/quote-fonts.ts';

const REPO_ROOT = path.resolve(import.meta.dirname, '../../../../../..');

describe('the quote PDFs’ fonts', () => {
  it('are TrueType fonts with Chinese and Latin glyphs, parsed once per process', () => {
    for (const weight of ['regular', 'bold'] as const) {
      const font = quoteFont(weight);
      expect(font.postscriptName).toBe(weight === 'regular' ? 'NotoSansSC-Regular' : 'NotoSansSC-Bold');
      // glyf outlines (not CID-keyed CFF): what fontkit subsets reliably.
      expect(font.type).toBe('TTF');
      expect(Object.keys((font as unknown as { directory: { tables: object } }).directory.tables)).toContain('glyf');
      for (const char of ['报', '价', 'Q', '€', '5']) expect(font.hasGlyphForCodePoint(char.codePointAt(0)!)).toBe(true);
      expect(quoteFont(weight)).toBe(font);
    }
  });

  it('are among the files the packaged app carries (build/electron-builder.yml)', () => {
    const config = fs.readFileSync(path.join(REPO_ROOT, 'build', 'electron-builder.yml'), 'utf8');
    for (const weight of ['regular', 'bold'] as const) {
      const relative = path.relative(REPO_ROOT, quoteFontPath(weight)).split(path.sep).join('/');
      expect(config).toContain(`  - ${relative}\n`);
    }
  });
});
