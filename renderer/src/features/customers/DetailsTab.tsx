import { Alert, Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/contract/customers.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { countryName } from '../../ui/country-names.ts';
import { GradeTag } from '../../ui/GradeTag.tsx';
import { useLanguage, useTimeFormat } from '../../ui/time-format.ts';

/** Only http(s) links open; anything else is shown as text. */
function websiteHref(website: string): string | null {
  const url = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function DetailsTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const time = useTimeFormat();
  const regions = useCall('regions.list', {});
  const fieldDefs = useCall('customFields.list', {});
  const region = regions.data?.find((r) => r.code === customer.regionCode);
  const none = <span className="muted">—</span>;
  const orNone = (value: ReactNode) => (value === null || value === undefined || value === '' ? none : value);

  const website = customer.website ? websiteHref(customer.website) : null;
  const defs = fieldDefs.data ?? [];

  return (
    <div data-testid="customer-details" style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('customer.name'), children: customer.name },
          { key: 'localName', label: t('customer.localName'), children: orNone(customer.localName) },
          { key: 'code', label: t('customer.code'), children: customer.code },
          { key: 'region', label: t('customer.regionCode'), children: region ? `${region.code} · ${language === 'zh-CN' ? region.nameZh : region.nameEn}` : customer.regionCode },
          { key: 'country', label: t('customer.country'), children: orNone(countryName(customer.country, language)) },
          {
            key: 'website',
            label: t('customer.website'),
            children: customer.website ? (
              website ? (
                <a href={website} target="_blank" rel="noreferrer noopener">
                  {customer.website}
                </a>
              ) : (
                customer.website
              )
            ) : (
              none
            ),
          },
          { key: 'phone', label: t('customer.phone'), children: orNone(customer.phone) },
          { key: 'address', label: t('customer.address'), children: orNone(customer.address) },
          { key: 'grade', label: t('customer.grade'), children: <><GradeTag grade={customer.grade} /> {t(`grades.${customer.grade}`)}</> },
          { key: 'stage', label: t('customer.stage'), children: t(`stages.${customer.stage}`) },
          { key: 'source', label: t('customer.source'), children: customer.source ? t(`sources.${customer.source}`) : none },
          { key: 'owner', label: t('customer.owner'), children: orNone(customer.ownerName) },
          { key: 'tags', label: t('customer.tags'), children: customer.tags.length ? customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : none },
          { key: 'domains', label: t('customer.domains'), children: customer.domains.length ? customer.domains.map((d) => <Tag key={d}>{d}</Tag>) : none },
          { key: 'createdAt', label: t('customer.createdAt'), children: time.dateTime(customer.createdAt) },
          { key: 'updatedAt', label: t('customer.updatedAt'), children: time.dateTime(customer.updatedAt) },
          { key: 'notes', label: t('customer.notes'), span: 'filled', children: customer.notes ? <span className="approach">{customer.notes}</span> : none },
        ]}
      />
      <Card size="small" title={t('customer.personality')} data-testid="personality-card">
        {customer.personality ? (
          <>
            <Typography.Text strong data-testid="personality-name">
              {t(`personality.${customer.personality}.name`)}
            </Typography.Text>
            <div className="muted" style={{ marginTop: 4 }}>
              {t(`personality.${customer.personality}.traits`)}
            </div>
            <Alert
              style={{ marginTop: 8 }}
              type="success"
              title={t('customers.details.approach')}
              description={<span className="approach" data-testid="personality-approach">{t(`personality.${customer.personality}.approach`)}</span>}
            />
          </>
        ) : (
          <span className="muted">{t('customers.details.noPersonality')}</span>
        )}
      </Card>
      <Card size="small" title={t('customers.details.customFields')} data-testid="custom-fields-card">
        {defs.length === 0 ? (
          <span className="muted">{t('customers.details.noCustomFields')}</span>
        ) : (
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={defs.map((def) => {
              const value = customer.customFields[def.id];
              return { key: def.id, label: def.label, children: value === undefined || value === null || value === '' ? none : String(value) };
            })}
          />
        )}
      </Card>
    </div>
  );
}
