import { describe, expect, it } from 'vitest';
import { courierTrackingUrl } from '../../../../shared/domain/courier-tracking.ts';
import { COURIERS } from '../../../../shared/domain/quote-terms.ts';

describe('courierTrackingUrl', () => {
  it('links each known courier to its own tracking page with the number', () => {
    expect(courierTrackingUrl('dhl', '1234567890')).toBe('https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=1234567890');
    expect(courierTrackingUrl('fedex', '7712 3456 7890')).toBe('https://www.fedex.com/fedextrack/?trknbr=771234567890');
    expect(courierTrackingUrl('ups', '1Z999AA10123456784')).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(courierTrackingUrl('tnt', 'GE123456789WW')).toContain('tnt.com/express/');
    expect(courierTrackingUrl('tnt', 'GE123456789WW')).toMatch(/cons=GE123456789WW$/);
    expect(courierTrackingUrl('ems', 'EA123456789CN')).toBe('https://www.ems.com.cn/queryList?mailNum=EA123456789CN');
    expect(courierTrackingUrl('sf', 'SF1234567890123')).toBe('https://www.sf-express.com/chn/en/waybill/waybill-detail/SF1234567890123');
  });

  it('gives every courier but "other" a https link', () => {
    for (const courier of COURIERS) {
      const url = courierTrackingUrl(courier, 'X1');
      if (courier === 'other') expect(url).toBeNull();
      else expect(new URL(url!).protocol).toBe('https:');
    }
  });

  it('has no link without a number', () => {
    expect(courierTrackingUrl('dhl', null)).toBeNull();
    expect(courierTrackingUrl('dhl', undefined)).toBeNull();
    expect(courierTrackingUrl('dhl', '   ')).toBeNull();
  });

  it('encodes the number so it cannot change the site or the query', () => {
    const url = courierTrackingUrl('ups', 'a&b=c#/@evil.example');
    expect(new URL(url!).host).toBe('www.ups.com');
    expect(new URL(url!).searchParams.get('tracknum')).toBe('a&b=c#/@evil.example');
    expect(new URL(courierTrackingUrl('sf', '../../x?y')!).pathname).toBe('/chn/en/waybill/waybill-detail/..%2F..%2Fx%3Fy');
  });
});
