import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, countryOptions } from '../../../../renderer/src/ui/country-names.ts';

/** ISO 3166-1 alpha-2 codes; Intl has no API listing them. */
const CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

/** The table the renderer ships, as Intl.DisplayNames names the countries. */
function generatedTable(): string {
  const names = (language: string) => {
    const intl = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    return Object.fromEntries(CODES.map((code) => [code, intl.of(code) ?? code]));
  };
  const body = JSON.stringify({ en: names('en'), 'zh-CN': names('zh-CN') }, null, 2);
  return [
    '// Generated from Intl.DisplayNames by test/unit/renderer/ui/country-names.test.ts;',
    '// `npx vitest run --project unit -u test/unit/renderer/ui/country-names.test.ts` rewrites it.',
    `export const COUNTRY_NAME_TABLE = ${body} as const;`,
    '',
  ].join('\n');
}

describe('country names', () => {
  it('ships the names Intl gives for every ISO country code, in both languages', async () => {
    await expect(generatedTable()).toMatchFileSnapshot('../../../../renderer/src/ui/country-names.data.ts');
  });

  it('names countries from the table, and codes it lacks through Intl', () => {
    expect(COUNTRY_CODES).toHaveLength(CODES.length);
    expect(countryName('de', 'en')).toBe('Germany');
    expect(countryName('DE', 'zh-CN')).toBe('德国');
    // Kosovo has a user-assigned code, not in the ISO list.
    expect(countryName('XK', 'en')).toBe(new Intl.DisplayNames(['en'], { type: 'region' }).of('XK'));
    expect(countryName('', 'en')).toBe('');
    expect(countryName('not a code', 'en')).toBe('not a code');
  });

  it('sorts the options in the UI language', () => {
    const zh = countryOptions('zh-CN').map((o) => o.label);
    expect(zh).toEqual([...zh].sort(new Intl.Collator('zh-CN').compare));
    expect(countryOptions('en')[0]).toEqual({ value: 'AF', label: 'Afghanistan' });
  });
});
