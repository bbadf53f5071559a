import fs from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * The fonts quote PDFs embed: Noto Sans SC (SIL Open Font License), which covers Chinese and
 * Latin text alike, from the npm package @expo-google-fonts/noto-sans-sc. That package ships
 * static TrueType (glyf) files, which fontkit subsets reliably — a quote with Chinese text is
 * a few tens of KB. The CID-keyed CFF .otf files of Source Han Sans / Noto Sans CJK and .ttc
 * collections are what fontkit subsets badly or not at all, so none of those.
 *
 * The files are resolved at run time from node_modules (they are data, not code, so no bundle
 * holds them): from the sources, from the CLI's and the main process's bundles, and in the
 * packaged app, whose build/electron-builder.yml includes exactly these two files.
 */
const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
const FONT_FILES = {
  regular: `${FONT_PACKAGE}/400Regular/NotoSansSC_400Regular.ttf`,
  bold: `${FONT_PACKAGE}/700Bold/NotoSansSC_700Bold.ttf`,
} as const;

export type QuoteFontWeight = keyof typeof FONT_FILES;

const cache = new Map<QuoteFontWeight, Font>();

export function quoteFontPath(weight: QuoteFontWeight): string {
  return createRequire(import.meta.url).resolve(FONT_FILES[weight]);
}

/**
 * The parsed font, made once per process and given to every PDF: parsing the 10 MB file's
 * tables (65,000 glyphs' metrics) took about 1 s of each 50-line quote when pdfkit parsed it
 * per document. pdfkit takes a fontkit font as it is; each document still makes its own subset.
 */
export function quoteFont(weight: QuoteFontWeight): Font {
  let font = cache.get(weight);
  if (!font) {
    const parsed = create(fs.readFileSync(quoteFontPath(weight)));
    if (!('layout' in parsed)) throw new Error(`${FONT_FILES[weight]} is a font collection, not a font`);
    font = parsed;
    cache.set(weight, font);
  }
  return font;
}
