import { getCountries } from 'libphonenumber-js';

/**
 * Country names and codes as sheets write them, to the ISO 3166-1 alpha-2 code the app stores
 * (customers.country). Names come from Intl.DisplayNames in English, Simplified and Traditional
 * Chinese (the names the app itself shows, see renderer/src/ui/country-names.ts), over
 * libphonenumber's list of regions; the aliases add the short and old names people type.
 */
const ALIASES: Record<string, readonly string[]> = {
  US: ['USA', 'U.S.A.', 'U.S.', 'America', 'United States of America', '美國', '美利坚合众国'],
  GB: ['UK', 'U.K.', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland', '英格兰', '大不列颠'],
  CN: ['PRC', 'P.R.China', 'P.R. China', "People's Republic of China", 'China Mainland', 'Mainland China', '中国大陆', '大陆', '中華人民共和國', '中华人民共和国'],
  HK: ['Hong Kong', 'HongKong', '香港', '中国香港'],
  MO: ['Macau', 'Macao', '澳门', '澳門', '中国澳门'],
  TW: ['Taiwan', '台湾', '臺灣', '中国台湾'],
  KR: ['Korea', 'Republic of Korea', 'S. Korea', '南韩', '韩国'],
  KP: ['North Korea', '朝鲜'],
  AE: ['UAE', 'U.A.E.', 'Emirates', 'Dubai', '阿联酋', '迪拜'],
  NL: ['Holland', 'The Netherlands', '荷兰'],
  RU: ['Russian Federation', '俄国'],
  CZ: ['Czech Republic', 'Czech'],
  TR: ['Turkey', 'Turkiye'],
  VN: ['Viet Nam'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  SA: ['KSA', 'Saudi', '沙特'],
  DE: ['Deutschland', 'Germany'],
  IR: ['Iran, Islamic Republic of'],
};

const key = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

let lookup: Map<string, string> | null = null;

function buildLookup(): Map<string, string> {
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    const k = name ? key(name) : '';
    if (k && !map.has(k)) map.set(k, code);
  };
  const namers = ['en', 'zh-CN', 'zh-TW'].flatMap((locale) =>
    (['long', 'short'] as const).map((style) => new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' })),
  );
  const codes = getCountries().filter((c) => namers[0]!.of(c) !== undefined);
  for (const code of codes) add(code, code);
  for (const [code, names] of Object.entries(ALIASES)) for (const name of names) add(name, code);
  for (const namer of namers) for (const code of codes) add(namer.of(code), code);
  return map;
}

/** The ISO code for a country name or code in English or Chinese; null when unknown. */
export function countryCode(text: string): string | null {
  const k = key(text);
  if (!k) return null;
  lookup ??= buildLookup();
  return lookup.get(k) ?? null;
}
