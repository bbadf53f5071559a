import type { Courier } from './quote-terms.ts';

/**
 * Each courier's public tracking page, with `{n}` for the tracking number. The buyer's side and
 * ours both look a parcel up there, so the link is what a salesperson pastes into a mail.
 */
const TEMPLATES: Record<Exclude<Courier, 'other'>, string> = {
  dhl: 'https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={n}',
  fedex: 'https://www.fedex.com/fedextrack/?trknbr={n}',
  ups: 'https://www.ups.com/track?tracknum={n}',
  tnt: 'https://www.tnt.com/express/en_gc/site/shipping-tools/tracking.html?searchType=con&cons={n}',
  ems: 'https://www.ems.com.cn/queryList?mailNum={n}',
  sf: 'https://www.sf-express.com/chn/en/waybill/waybill-detail/{n}',
};

/**
 * The tracking page of a parcel, or null for a courier we know no page of ('other') or without a
 * number. Spaces people type when copying a number from a label are dropped; the rest is
 * URL-encoded, so a number can never change which site the link opens.
 */
export function courierTrackingUrl(courier: Courier, trackingNumber: string | null | undefined): string | null {
  const number = (trackingNumber ?? '').replace(/\s+/g, '');
  if (!number || courier === 'other') return null;
  return TEMPLATES[courier].replace('{n}', encodeURIComponent(number));
}
