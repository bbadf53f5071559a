import { describe, expect, it } from 'vitest';
import {
  countryName,
  renderTemplate,
  splitName,
  TEMPLATE_PLACEHOLDERS,
  templateValues,
  unknownPlaceholders,
  usedPlaceholders,
} from '../../../../shared/domain/mail-template.ts';
import { catalogs } from '../../../../shared/i18n/catalogs.ts';

const values = templateValues({
  contact: { name: 'Anna Maria Schmidt', title: 'Purchasing', email: 'anna@hamburg-trade.de' },
  customer: { name: 'Hamburg <Trade> & Co', localName: null, code: 'EU-0007', country: 'DE', website: 'hamburg-trade.de' },
  account: { name: 'Work', displayName: 'Li Wei', email: 'li@tradefolio.cn' },
});

describe('mail templates', () => {
  it('fills every placeholder, case-insensitively, escaping values only in HTML', () => {
    const out = renderTemplate(
      {
        subject: 'Offer for {{customer.name}}\n({{ customer.code }})',
        text: 'Dear {{contact.firstName}} {{Contact.LastName}},\n{{customer.country}} — {{account.name}}',
        html: '<p>Dear {{contact.firstName}} of {{customer.name}}</p>',
      },
      values,
    );
    expect(out.subject).toBe('Offer for Hamburg <Trade> & Co\n(EU-0007)');
    expect(out.text).toBe('Dear Anna Schmidt,\nGermany — Li Wei');
    expect(out.html).toBe('<p>Dear Anna of Hamburg &lt;Trade&gt; &amp; Co</p>');
    expect(out.empty).toEqual([]);
  });

  it('keeps header values on one line', () => {
    const v = { ...values, 'customer.name': 'Two\nLines' };
    expect(renderTemplate({ subject: 'For {{customer.name}}', text: null, html: null }, v).subject).toBe('For Two Lines');
  });

  it('uses a fallback for an empty value and reports empty ones without a fallback', () => {
    const v = { ...values, 'contact.firstName': '', 'contact.title': '' };
    const out = renderTemplate({ subject: 'x', text: 'Hi {{contact.firstName | there}}, {{contact.title}}!', html: null }, v);
    expect(out.text).toBe('Hi there, !');
    expect(out.empty).toEqual(['contact.title']);
  });

  it('names unknown placeholders and the part they are in', () => {
    expect(unknownPlaceholders({ subject: '{{contact.nmae}}', text: 'Hi {{ contact.name }} {{order.total|0}}', html: null })).toEqual([
      { field: 'subject', placeholder: 'contact.nmae' },
      { field: 'text', placeholder: 'order.total' },
    ]);
    expect(usedPlaceholders({ subject: '{{customer.name}}', text: '{{contact.name}} {{customer.NAME}}' })).toEqual(['customer.name', 'contact.name']);
  });

  it('splits western names into first and last, keeps CJK names whole', () => {
    expect(splitName('  Anna   Schmidt ')).toEqual({ first: 'Anna', last: 'Schmidt' });
    expect(splitName('王伟')).toEqual({ first: '王伟', last: '' });
    expect(splitName('')).toEqual({ first: '', last: '' });
    expect(countryName('cn')).toBe('China');
    expect(countryName(null)).toBe('');
  });

  it('has a label for every placeholder in both languages', () => {
    for (const key of TEMPLATE_PLACEHOLDERS) {
      const [area, name] = key.split('.') as [string, string];
      for (const language of ['en', 'zh-CN'] as const) {
        const group = (catalogs[language].mail.placeholders as Record<string, Record<string, string>>)[area];
        expect(typeof group?.[name], `${language} ${key}`).toBe('string');
      }
    }
  });
});
