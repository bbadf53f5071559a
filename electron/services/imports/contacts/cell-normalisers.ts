import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import type { Grade, Source, Stage } from '../../../../shared/domain/customer-enums.ts';

/** The contract's own email check (ContactChannelInput), so what passes here is accepted there. */
const emailSchema = z.email();

export interface SplitValues {
  valid: string[];
  invalid: string[];
}

/** Full-width forms (＠, ，, ；, digits) folded to plain ones, as Chinese input methods write them. */
const fold = (text: string) => text.normalize('NFKC');

/**
 * The addresses in a cell that may hold several, separated by ; , / 、 ／ or white space (NFKC
 * turns ／ and full-width commas into plain ones). "Name <a@b.com>" and mailto: give the address.
 * Duplicates (ignoring case) are dropped.
 */
export function splitEmails(cell: string): SplitValues {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const folded = fold(cell);
  // "Anna Li <anna@x.com>": the words of a display name beside an address are not addresses.
  const displayNames = /<[^<>@]+@[^<>]+>/.test(folded);
  const text = folded.replace(/mailto:/gi, ' ').replace(/[<>]/g, ' ');
  for (const token of text.split(/[;,/、\s]+/)) {
    const candidate = token.replace(/^["'([]+|["')\].]+$/g, '');
    if (!candidate) continue;
    if (displayNames && !candidate.includes('@')) continue;
    if (emailSchema.safeParse(candidate).success) {
      const lower = candidate.toLowerCase();
      if (!seen.has(lower)) valid.push(candidate);
      seen.add(lower);
    } else invalid.push(candidate);
  }
  return { valid, invalid };
}

/** "1.38001E+10": a long number Excel showed in scientific notation and saved that way; its digits are gone. */
export function isScientificNotation(cell: string): boolean {
  return /^\s*\d(\.\d+)?E\+\d+\s*$/i.test(cell);
}

export interface PhoneResult {
  /** As "+86 138 0013 8000 ext. 801" when understood, else the text as written. */
  value: string;
  valid: boolean;
}

const EXTENSION_WORDS = /\s*(?:转|轉|分机|分機|内线|內線)\s*(?=\d)/g;

/**
 * One phone number in international format. 0086 / 86 prefixes, full-width digits, spaces,
 * dashes and brackets are understood (libphonenumber-js); numbers without a country code are
 * read as numbers of `country` (the row's country, or the importing user's). A number that
 * cannot be read is kept as written, with valid false.
 */
export function normalisePhone(text: string, country: string | null): PhoneResult {
  const written = fold(text).trim();
  const cleaned = written.replace(EXTENSION_WORDS, ' ext. ').replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, { defaultCountry: (country ?? undefined) as CountryCode | undefined, extract: false });
  if (parsed && parsed.isValid()) return { value: parsed.format('INTERNATIONAL'), valid: true };
  return { value: written, valid: false };
}

/** A cell's phone numbers: several are separated by ; , / 、 or line breaks (not spaces, which numbers hold). */
export function splitPhones(cell: string): string[] {
  return fold(cell)
    .split(/[;,/、\n]+/)
    .map((p) => p.trim())
    .filter((p) => /\d/.test(p));
}

const key = (text: string) => fold(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** A, B, C, D with or without 级/类/等/客户 ("A级", "b类客户"); 甲乙丙丁 as A–D. */
export function gradeOf(cell: string): Grade | null {
  const k = key(cell).replace(/(级|級|类|類|等|客户|客戶|grade|class|level)/g, '');
  const byHan: Record<string, Grade> = { 甲: 'A', 乙: 'B', 丙: 'C', 丁: 'D' };
  if (byHan[k]) return byHan[k]!;
  const upper = k.toUpperCase();
  return upper === 'A' || upper === 'B' || upper === 'C' || upper === 'D' ? upper : null;
}

/** Words per value, matched as whole cells or inside them ("Canton Fair 2023"). */
const STAGE_WORDS: Array<[Stage, readonly string[]]> = [
  ['lost', ['lost', 'churned', '流失', '丢失', '已流失']],
  ['loyal', ['loyal', 'vip', '忠诚', '老客户', '长期客户']],
  ['customer', ['customer', 'won', 'closed', 'client', '成交', '已成交', '合作中', '已合作']],
  ['prospect', ['prospect', 'qualified', '意向', '有意向', '意向客户', '谈判']],
  ['target', ['target', '目标', '目标客户']],
  ['potential', ['potential', 'lead', 'new', '潜在', '潜在客户', '新客户']],
];

const SOURCE_WORDS: Array<[Source, readonly string[]]> = [
  ['cantonFair', ['cantonfair', 'cantonfairs', '广交会', '廣交會', '进出口商品交易会']],
  ['tradeShow', ['tradeshow', 'exhibition', 'expo', 'fair', '展会', '展會', '展览会']],
  ['b2bPlatform', ['alibaba', 'b2b', 'madeinchina', 'globalsources', 'ec21', 'tradekey', '阿里巴巴', '阿里', '中国制造网', '环球资源']],
  ['customsData', ['customsdata', 'customs', '海关数据', '海关']],
  ['socialMedia', ['linkedin', 'facebook', 'instagram', 'twitter', 'youtube', 'tiktok', 'socialmedia', 'social', '领英', '社交媒体']],
  ['referral', ['referral', 'referred', 'recommendation', '介绍', '推荐', '转介绍', '老客户介绍']],
  ['coldOutreach', ['coldemail', 'coldcall', 'cold', 'outreach', '开发信', '陌拜', '主动开发']],
  ['website', ['website', 'web', 'google', 'seo', 'inquiry', '官网', '网站', '询盘', '谷歌']],
  ['other', ['other', 'others', '其他', '其它']],
];

function byWords<T extends string>(cell: string, table: Array<[T, readonly string[]]>): T | null {
  const k = key(cell);
  if (!k) return null;
  for (const [value, words] of table) if (words.some((w) => key(w) === k) || k === value.toLowerCase()) return value;
  for (const [value, words] of table) if (words.some((w) => k.includes(key(w)))) return value;
  return null;
}

export const stageOf = (cell: string): Stage | null => byWords(cell, STAGE_WORDS);
export const sourceOf = (cell: string): Source | null => byWords(cell, SOURCE_WORDS);

/** A website as written, if it looks like one (a host with a dot, with or without http). */
export function websiteOf(cell: string): string | null {
  const t = fold(cell).trim();
  if (!t || t.includes('@') || /\s/.test(t)) return null;
  const host = t.replace(/^https?:\/\//i, '').split(/[/?#]/)[0]!;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?$/u.test(host) ? t : null;
}
