import { Alert, Button, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput, CallOutput } from '../../../../shared/contract/contract.ts';
import type { CustomerDetail } from '../../../../shared/contract/customers.contract.ts';
import { defaultRegionForCountry, formatCustomerCode } from '../../../../shared/domain/customer-code.ts';
import { GRADES, PERSONALITY_TYPES, SOURCES, STAGES, type Grade, type PersonalityType, type Source, type Stage } from '../../../../shared/domain/customer-enums.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { navigate } from '../../app/router.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { countryOptions } from '../../ui/country-names.ts';
import { useLanguage } from '../../ui/time-format.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { DuplicateWarning } from '../duplicates/DuplicateWarning.tsx';
import { useFeedback } from '../../app/feedback.ts';

type CustomFieldDefs = CallOutput<'customFields.list'>;
type CustomFieldFormValue = string | number | Dayjs | null | undefined;

interface FormValues {
  name?: string;
  localName?: string | null;
  country?: string | null;
  regionCode?: string;
  website?: string | null;
  address?: string | null;
  phone?: string | null;
  grade?: Grade;
  stage?: Stage;
  source?: Source | null;
  ownerId?: string | null;
  personality?: PersonalityType | null;
  notes?: string | null;
  tags?: string[];
  customFields?: Record<string, CustomFieldFormValue>;
}

/** The fields of this form, by contract path; used to label field errors. */
const PROFILE_FIELDS = ['name', 'localName', 'country', 'regionCode', 'website', 'address', 'phone', 'grade', 'stage', 'source', 'ownerId', 'personality', 'notes', 'tags'] as const;

function toFormValues(customer: CustomerDetail | null, defs: CustomFieldDefs): FormValues {
  if (!customer) return { grade: 'C', stage: 'potential', regionCode: 'OT', tags: [], customFields: {} };
  const customFields: Record<string, CustomFieldFormValue> = {};
  for (const def of defs) {
    const value = customer.customFields[def.id];
    customFields[def.id] = def.type === 'date' && typeof value === 'string' ? dayjs(value) : (value ?? undefined);
  }
  return {
    name: customer.name,
    localName: customer.localName,
    country: customer.country,
    regionCode: customer.regionCode,
    website: customer.website,
    address: customer.address,
    phone: customer.phone,
    grade: customer.grade,
    stage: customer.stage,
    source: customer.source,
    ownerId: customer.ownerId,
    personality: customer.personality,
    notes: customer.notes,
    tags: customer.tags,
    customFields,
  };
}

function toInput(values: FormValues, defs: CustomFieldDefs): CallInput<'customers.create'> {
  const customFields: Record<string, string | number | null> = {};
  for (const def of defs) {
    const value = values.customFields?.[def.id];
    if (value === undefined || value === null || value === '') customFields[def.id] = null;
    else if (dayjs.isDayjs(value)) customFields[def.id] = value.format('YYYY-MM-DD');
    else customFields[def.id] = value;
  }
  return {
    name: values.name ?? '',
    localName: values.localName ?? null,
    regionCode: values.regionCode ?? 'OT',
    country: values.country ?? null,
    website: values.website ?? null,
    address: values.address ?? null,
    phone: values.phone ?? null,
    grade: values.grade ?? 'C',
    stage: values.stage ?? 'potential',
    source: values.source ?? null,
    ownerId: values.ownerId ?? null,
    personality: values.personality ?? null,
    notes: values.notes ?? null,
    tags: values.tags ?? [],
    customFields,
  };
}

/** The sequence number inside an existing code (EU-012-A → 12). */
function seqOf(code: string): number | null {
  const match = /-(\d+)-[A-D]$/.exec(code);
  return match ? Number(match[1]) : null;
}

interface Props {
  open: boolean;
  customer: CustomerDetail | null;
  onClose(): void;
}

export function CustomerFormDrawer({ open, customer, onClose }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const regions = useCall('regions.list', {});
  const owners = useCall('owners.list', {});
  const tags = useCall('tags.list', {});
  const fieldDefs = useCall('customFields.list', {});
  const defs = useMemo(() => fieldDefs.data ?? [], [fieldDefs.data]);
  const create = useMutationCall('customers.create');
  const update = useMutationCall('customers.update');
  const saving = create.isPending || update.isPending;

  const watchedName = Form.useWatch('name', form) ?? '';
  const watchedWebsite = Form.useWatch('website', form) ?? null;
  const watchedGrade = Form.useWatch('grade', form) ?? 'C';
  const watchedRegion = Form.useWatch('regionCode', form) ?? 'OT';
  const watchedPersonality = Form.useWatch('personality', form) ?? null;
  const candidateName = useDebouncedValue(watchedName, 300);
  const candidateWebsite = useDebouncedValue(watchedWebsite, 300);

  const labelOf = useCallback(
    (path: string): string | undefined => {
      const [head, second] = path.split('.');
      if (head === 'customFields') return defs.find((d) => d.id === second)?.label;
      if ((PROFILE_FIELDS as readonly string[]).includes(head ?? '')) return t(`customer.${head}`);
      return undefined;
    },
    [defs, t],
  );
  const onError = useFormErrorHandler(form, labelOf);

  const codePreview = useMemo(() => {
    const region = regions.data?.find((r) => r.code === watchedRegion);
    if (customer && customer.regionCode === watchedRegion) {
      const seq = seqOf(customer.code);
      return seq === null ? null : formatCustomerCode(watchedRegion, seq, watchedGrade);
    }
    return region ? formatCustomerCode(region.code, region.nextSeq, watchedGrade) : null;
  }, [customer, regions.data, watchedGrade, watchedRegion]);

  const onCountryChange = (country: string | null | undefined) => {
    // Follow the country until the user picks a region by hand.
    if (customer || form.isFieldTouched('regionCode')) return;
    const suggested = defaultRegionForCountry(country);
    const known = regions.data?.some((r) => r.code === suggested);
    form.setFieldValue('regionCode', known ? suggested : 'OT');
  };

  const submit = async (values: FormValues) => {
    const input = toInput(values, defs);
    try {
      const saved = customer ? await update.mutateAsync({ ...input, id: customer.id }) : await create.mutateAsync(input);
      void message.success(customer ? t('customers.form.saved', { code: saved.code }) : t('customers.form.created', { code: saved.code }));
      onClose();
      navigate({ page: 'customer', id: saved.id });
    } catch (err) {
      onError(err);
    }
  };

  const initialValues = useMemo(() => toFormValues(customer, defs), [customer, defs]);
  const ready = !fieldDefs.isLoading;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      title={customer ? t('customers.form.editTitle', { name: customer.name }) : t('customers.form.createTitle')}
      data-testid="customer-form"
      footer={
        <Space style={{ float: 'right' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="customer-form-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {ready && (
        <Form<FormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit} data-testid="customer-form-body">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="customer-code-preview"
            title={
              !customer
                ? t('customers.form.codeNew', { code: codePreview ?? '—' })
                : codePreview && codePreview !== customer.code
                  ? t('customers.form.codeChanges', { code: customer.code, next: codePreview })
                  : t('customers.form.codeCurrent', { code: customer.code })
            }
          />
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="name" label={t('customer.name')} required>
                <Input autoFocus maxLength={200} data-testid="field-name" placeholder={t('customers.form.namePlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="localName" label={t('customer.localName')}>
                <Input maxLength={200} data-testid="field-localName" placeholder={t('customers.form.localNamePlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <div className="duplicate-slot">
            <DuplicateWarning
              candidate={{ excludeId: customer?.id ?? null, name: candidateName, website: candidateWebsite, emails: [] }}
              onOpenCustomer={(id) => {
                onClose();
                navigate({ page: 'customer', id });
              }}
            />
          </div>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="country" label={t('customer.country')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  options={countryOptions(language)}
                  onChange={onCountryChange}
                  data-testid="field-country"
                  placeholder={t('customers.form.countryPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="regionCode" label={t('customer.regionCode')} required extra={t('customers.form.regionHelp')}>
                <Select
                  loading={regions.isLoading}
                  data-testid="field-regionCode"
                  options={(regions.data ?? []).map((r) => ({ value: r.code, label: `${r.code} · ${language === 'zh-CN' ? r.nameZh : r.nameEn}` }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={8}>
              <Form.Item name="grade" label={t('customer.grade')}>
                <Select data-testid="field-grade" options={GRADES.map((g) => ({ value: g, label: `${g} · ${t(`grades.${g}`)}` }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="stage" label={t('customer.stage')}>
                <Select data-testid="field-stage" options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="source" label={t('customer.source')}>
                <Select allowClear data-testid="field-source" options={SOURCES.map((s) => ({ value: s, label: t(`sources.${s}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="ownerId" label={t('customer.owner')}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  data-testid="field-ownerId"
                  placeholder={t('customers.list.noOwner')}
                  options={(owners.data ?? []).filter((o) => o.active || o.id === customer?.ownerId).map((o) => ({ value: o.id, label: o.name }))}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="personality" label={t('customer.personality')}>
                <Select
                  allowClear
                  data-testid="field-personality"
                  options={PERSONALITY_TYPES.map((p) => ({ value: p, label: t(`personality.${p}.name`) }))}
                />
              </Form.Item>
            </Col>
          </Row>
          {watchedPersonality && (
            <Alert
              type="success"
              style={{ marginBottom: 16 }}
              title={t('customers.details.approach')}
              description={
                <span className="approach">
                  {t(`personality.${watchedPersonality}.traits`)} {t(`personality.${watchedPersonality}.approach`)}
                </span>
              }
            />
          )}
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="website" label={t('customer.website')}>
                <Input maxLength={300} placeholder="example.com" data-testid="field-website" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="phone" label={t('customer.phone')}>
                <Input maxLength={60} data-testid="field-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="address" label={t('customer.address')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="field-address" />
          </Form.Item>
          <Form.Item name="tags" label={t('customer.tags')}>
            <Select
              mode="tags"
              data-testid="field-tags"
              tokenSeparators={[',', '，']}
              placeholder={t('customers.form.tagsPlaceholder')}
              options={(tags.data ?? []).map((tag) => ({ value: tag.name, label: tag.name }))}
            />
          </Form.Item>
          {defs.length > 0 && (
            <>
              <Typography.Title level={5}>{t('customers.details.customFields')}</Typography.Title>
              <Row gutter={16}>
                {defs.map((def) => (
                  <Col span={12} key={def.id}>
                    <Form.Item name={['customFields', def.id]} label={def.label}>
                      {def.type === 'number' ? (
                        <InputNumber style={{ width: '100%' }} />
                      ) : def.type === 'date' ? (
                        <DatePicker style={{ width: '100%' }} />
                      ) : def.type === 'select' ? (
                        <Select allowClear options={def.options.map((o) => ({ value: o, label: o }))} />
                      ) : (
                        <Input maxLength={2000} />
                      )}
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            </>
          )}
          <Form.Item name="notes" label={t('customer.notes')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} data-testid="field-notes" />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
