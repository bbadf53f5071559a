/**
 * How sure we are that a group of customers is one company (issue 11, point 8). A shared email
 * address is near proof, a shared company domain strong evidence, a near-same name only a hint —
 * and two "Anchor Atlas Home Goods" with different legal forms in different countries are most
 * likely two companies that happen to share common words. Scores fall in bands per reason, so
 * email groups always rank above domain groups, and those above name groups.
 */

export type DuplicateReasonKind = 'email' | 'domain' | 'name';
export type DuplicateSignal = 'sameEmail' | 'sameDomain' | 'sameName' | 'similarName' | 'sameCountry' | 'differentCountries' | 'differentLegalForms';
export type DuplicateConfidence = 'high' | 'medium' | 'low';

const BANDS: Record<DuplicateReasonKind, readonly [number, number]> = { email: [90, 100], domain: [70, 89], name: [0, 69] };

/** Legal-form words, with their usual spellings brought to one. */
const LEGAL_FORM: Record<string, string> = {
  ltd: 'ltd', limited: 'ltd', inc: 'inc', incorporated: 'inc', corp: 'corp', corporation: 'corp', llc: 'llc', llp: 'llp',
  plc: 'plc', gmbh: 'gmbh', ag: 'ag', kg: 'kg', sa: 'sa', sas: 'sas', sarl: 'sarl', srl: 'srl', spa: 'spa', bv: 'bv', nv: 'nv',
  oy: 'oy', ab: 'ab', as: 'as', pty: 'pty', pvt: 'pvt', co: 'co', company: 'co', kk: 'kk', sl: 'sl', sro: 'sro', zoo: 'zoo',
};
const CJK_FORMS = ['股份有限公司', '有限责任公司', '有限公司'];

/**
 * The legal form at the end of a company name, in one spelling: "B.V." → "bv", "Co., Ltd" →
 * "ltd" (the last word decides), "有限公司" → "有限公司"; '' when the name has none.
 */
export function legalFormOf(name: string): string {
  const ascii = lastAsciiWord(name);
  if (ascii !== null) return formOf(ascii);
  const s = name.toLowerCase().normalize('NFKC').trim();
  for (const form of CJK_FORMS) if (s.endsWith(form)) return form;
  const words = s.replace(/\./g, '').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  return formOf(words.at(-1) ?? '');
}

function formOf(word: string): string {
  return Object.hasOwn(LEGAL_FORM, word) ? LEGAL_FORM[word]! : '';
}

/**
 * The last word of an all-ASCII name, lower-cased, dots dropped ("S.A." → "sa"); null when the
 * name has other characters. The same word the general path finds — NFKC leaves ASCII as it is —
 * without normalizing and splitting the whole name: a full recompute at 100k customers reads the
 * legal form of ~100k names, and that took ~15 % of it.
 */
function lastAsciiWord(name: string): string | null {
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) return null;
  let end = name.length;
  for (let i = name.length - 1; i >= -1; i--) {
    const c = i >= 0 ? name.charCodeAt(i) : 32;
    const inWord = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
    if (inWord) continue;
    const word = name.slice(i + 1, end).replaceAll('.', '');
    if (word.length > 0) return word.toLowerCase();
    end = i;
  }
  return '';
}

export interface GroupEvidence {
  reason: DuplicateReasonKind;
  /** Other reasons that found exactly the same customers. */
  alsoMatched: readonly DuplicateReasonKind[];
  /**
   * Normalized name keys and raw names of the members; `legalForm` (legalFormOf(name)) when the
   * caller already has it — a recompute at 100,000 customers scores ~100k members.
   */
  members: ReadonlyArray<{ name: string; nameKey: string; country: string | null; legalForm?: string }>;
  /** True when every member's name is near-same to the first (already known for name groups). */
  namesNear: boolean;
}

export interface GroupConfidence {
  score: number;
  confidence: DuplicateConfidence;
  signals: DuplicateSignal[];
}

/**
 * Scores one group; see the module comment for the order this gives. Loops rather than sets: a
 * full recompute at 100,000 customers scores ~15,000 groups, and the sets were ~10 % of it.
 */
export function scoreDuplicateGroup(group: GroupEvidence): GroupConfidence {
  const has = (r: DuplicateReasonKind) => group.reason === r || group.alsoMatched.includes(r);
  const signals: DuplicateSignal[] = [];
  if (has('email')) signals.push('sameEmail');
  if (has('domain')) signals.push('sameDomain');
  const members = group.members;
  const firstKey = members[0]?.nameKey ?? '';
  let oneKey = members.length > 0 && firstKey !== '';
  let country: string | null = null;
  let differentCountries = false;
  let known = true;
  let form = '';
  let differentLegalForms = false;
  for (const m of members) {
    if (m.nameKey !== firstKey) oneKey = false;
    if (!m.country) known = false;
    else if (country === null) country = m.country;
    else if (m.country !== country) differentCountries = true;
    const f = m.legalForm ?? legalFormOf(m.name);
    if (f === '') continue;
    if (form === '') form = f;
    else if (f !== form) differentLegalForms = true;
  }
  const sameName = oneKey;
  const similarName = !sameName && (group.namesNear || has('name'));
  if (sameName) signals.push('sameName');
  else if (similarName) signals.push('similarName');
  const sameCountry = known && country !== null && !differentCountries;
  if (sameCountry) signals.push('sameCountry');
  if (differentCountries) signals.push('differentCountries');
  if (differentLegalForms) signals.push('differentLegalForms');

  let score: number;
  if (group.reason === 'email') {
    score = 94 + (sameName || similarName ? 3 : 0) + (sameCountry ? 2 : 0) - (differentCountries ? 3 : 0);
  } else if (group.reason === 'domain') {
    score = 80 + (sameName || similarName ? 6 : 0) + (sameCountry ? 3 : 0) - (differentCountries ? 8 : 0) - (differentLegalForms ? 3 : 0);
  } else {
    score = (sameName ? 50 : 40) + (sameCountry ? 12 : 0) - (differentCountries ? 30 : 0) - (differentLegalForms ? 15 : 0);
  }
  const [lo, hi] = BANDS[group.reason];
  score = Math.min(hi, Math.max(lo, score));
  const confidence: DuplicateConfidence = score >= 75 ? 'high' : score >= 40 ? 'medium' : 'low';
  return { score, confidence, signals };
}
