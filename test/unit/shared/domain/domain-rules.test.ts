import { describe, expect, it } from 'vitest';
import { defaultRegionForCountry, formatCustomerCode } from '../../../../shared/domain/customer-code.ts';
import { companyDomains, isFreeMailDomain, websiteDomain } from '../../../../shared/domain/free-mail-domains.ts';
import { areNamesNearSame, normalizeCompanyName } from '../../../../shared/domain/name-similarity.ts';

describe('customer code', () => {
  it('formats REGION-SEQ-GRADE with at least three digits', () => {
    expect(formatCustomerCode('EU', 1, 'A')).toBe('EU-001-A');
    expect(formatCustomerCode('NA', 1234, 'D')).toBe('NA-1234-D');
  });
  it('suggests a region from the country', () => {
    expect(defaultRegionForCountry('de')).toBe('EU');
    expect(defaultRegionForCountry('BR')).toBe('SA');
    expect(defaultRegionForCountry(null)).toBe('OT');
  });
});

describe('company domains', () => {
  it('never treats free-mail providers as a company domain', () => {
    for (const d of ['gmail.com', 'qq.com', '163.com', '126.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'sina.com', 'foxmail.com']) {
      expect(isFreeMailDomain(d)).toBe(true);
    }
    expect(companyDomains('https://www.acme.de/about', ['a@acme.de', 'b@gmail.com', 'c@Sub.Acme-Group.com'])).toEqual(['acme.de', 'sub.acme-group.com']);
    expect(websiteDomain('not a site')).toBeNull();
  });
});

describe('near-same names', () => {
  it('ignores legal forms, case and punctuation, and tolerates a typo', () => {
    expect(normalizeCompanyName('ACME Trading Co., Ltd.')).toBe('acme');
    expect(normalizeCompanyName('上海明华贸易有限公司')).toBe('上海明华');
    expect(areNamesNearSame(normalizeCompanyName('Berlin Lamps GmbH'), normalizeCompanyName('Berlin-Lamps'))).toBe(true);
    expect(areNamesNearSame('hamburg tools', 'hamburg toold')).toBe(true);
    expect(areNamesNearSame('hamburg tools', 'munich tools')).toBe(false);
    expect(areNamesNearSame('abc', 'abd')).toBe(false);
  });
});
