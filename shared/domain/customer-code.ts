import type { Grade } from './customer-enums.ts';

/**
 * Customer code REGION-SEQ-GRADE, e.g. `EU-001-A`. The sequence is per region, at least
 * three digits, and never reused (the region's counter only grows).
 */
export function formatCustomerCode(regionCode: string, seq: number, grade: Grade): string {
  return `${regionCode}-${String(seq).padStart(3, '0')}-${grade}`;
}

export const REGION_CODE_PATTERN = /^[A-Z]{2,4}$/;

/** Default region for a country (ISO 3166-1 alpha-2); users can always pick another. */
const COUNTRY_REGION: Record<string, string> = {};
const REGION_COUNTRIES: Record<string, string[]> = {
  EU: ['AT', 'BE', 'BG', 'CH', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IS', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'RS', 'SE', 'SI', 'SK', 'UA', 'RU', 'BY', 'TR'],
  NA: ['US', 'CA', 'MX'],
  SA: ['AR', 'BO', 'BR', 'CL', 'CO', 'EC', 'PE', 'PY', 'UY', 'VE', 'PA', 'CR', 'GT', 'DO'],
  ME: ['AE', 'SA', 'QA', 'KW', 'OM', 'BH', 'IL', 'JO', 'LB', 'IQ', 'IR'],
  AF: ['DZ', 'EG', 'ET', 'GH', 'KE', 'MA', 'NG', 'TN', 'TZ', 'UG', 'ZA', 'CI', 'SN', 'AO'],
  AS: ['BD', 'HK', 'ID', 'IN', 'JP', 'KH', 'KR', 'LK', 'MM', 'MY', 'MO', 'NP', 'PH', 'PK', 'SG', 'TH', 'TW', 'VN', 'KZ', 'UZ', 'CN'],
  OC: ['AU', 'NZ', 'FJ', 'PG'],
};
for (const [region, countries] of Object.entries(REGION_COUNTRIES)) {
  for (const c of countries) COUNTRY_REGION[c] = region;
}

export const DEFAULT_REGIONS: ReadonlyArray<{ code: string; nameEn: string; nameZh: string }> = [
  { code: 'EU', nameEn: 'Europe', nameZh: '欧洲' },
  { code: 'NA', nameEn: 'North America', nameZh: '北美' },
  { code: 'SA', nameEn: 'Latin America', nameZh: '拉美' },
  { code: 'ME', nameEn: 'Middle East', nameZh: '中东' },
  { code: 'AF', nameEn: 'Africa', nameZh: '非洲' },
  { code: 'AS', nameEn: 'Asia', nameZh: '亚洲' },
  { code: 'OC', nameEn: 'Oceania', nameZh: '大洋洲' },
  { code: 'OT', nameEn: 'Other', nameZh: '其他' },
];

export function defaultRegionForCountry(country: string | null | undefined): string {
  return (country && COUNTRY_REGION[country.toUpperCase()]) || 'OT';
}
