import { DeleteOutlined, PictureOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { useFormErrorHandler } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';

type Letterhead = CallOutput<'settings.get'>['letterhead'];
type TextField = Exclude<keyof Letterhead, 'logo'>;
interface Values {
  letterhead: Record<TextField, string> & { logoPath?: string };
}

const FIELDS: ReadonlyArray<{ key: TextField; rows?: number; max: number }> = [
  { key: 'companyName', max: 200 },
  { key: 'address', rows: 2, max: 500 },
  { key: 'phone', max: 100 },
  { key: 'email', max: 200 },
  { key: 'website', max: 300 },
  { key: 'bankDetails', rows: 4, max: 2000 },
];

/**
 * The letterhead quote documents are printed on. The logo is chosen with the system's file
 * dialog in the desktop app; the web host has none, so there its full path is typed. Either way
 * the settings service checks the file and keeps a copy, and a refusal shows under the logo.
 */
export function LetterheadSettings() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const settings = useCall('settings.get', {});
  const logoImage = useCall('settings.letterheadLogo', {});
  const info = useCall('app.getInfo', {});
  const update = useMutationCall('settings.update');
  const pick = useMutationCall('app.pickFolder');
  const picker = info.data?.host === 'electron';
  const labelOf = useCallback((path: string) => {
    const key = path.replace(/^letterhead\./, '');
    // Without a typed path field (the desktop app) a refused logo is a message, not a field error.
    if (key === 'logoPath') return picker ? undefined : t('quoteDocuments.letterhead.logo');
    return FIELDS.some((f) => f.key === key) ? t(`quoteDocuments.letterhead.${key}`) : undefined;
  }, [t, picker]);
  const onError = useFormErrorHandler(form, labelOf);
  const letterhead = settings.data?.letterhead;

  // Filled once from the stored letterhead: a logo saved later must not undo texts being typed.
  const filled = useRef(false);
  useEffect(() => {
    if (!letterhead || filled.current) return;
    filled.current = true;
    const { logo: _logo, ...texts } = letterhead;
    form.setFieldsValue({ letterhead: texts });
  }, [form, letterhead]);

  async function save(patch: Partial<Record<TextField, string>> & { logoPath?: string | null }, done: string): Promise<void> {
    try {
      await update.mutateAsync({ letterhead: patch });
      // A logo taken clears its typed path and any earlier refusal shown under it.
      if (patch.logoPath !== undefined) form.setFields([{ name: ['letterhead', 'logoPath'], value: '', errors: [] }]);
      void message.success(done);
    } catch (err) {
      onError(err);
    }
  }

  async function saveTexts(values: Values): Promise<void> {
    const { logoPath: _typed, ...texts } = values.letterhead;
    await save(texts, t('quoteDocuments.letterhead.saved'));
  }

  async function chooseLogo(): Promise<void> {
    try {
      const chosen = await pick.mutateAsync({ purpose: 'letterheadLogoFile' });
      if (chosen.path !== null) await save({ logoPath: chosen.path }, t('quoteDocuments.letterhead.saved'));
    } catch (err) {
      onError(err);
    }
  }

  async function saveTypedLogo(): Promise<void> {
    const typed = (form.getFieldValue(['letterhead', 'logoPath']) as string | undefined)?.trim();
    if (typed) await save({ logoPath: typed }, t('quoteDocuments.letterhead.saved'));
  }

  if (!letterhead) return <Spin />;
  const logoLine = letterhead.logo ? `${letterhead.logo.mimeType === 'image/png' ? 'PNG' : 'JPEG'} · ${letterhead.logo.sha256.slice(0, 12)}` : t('quoteDocuments.letterhead.noLogo');
  return (
    <Card size="small" style={{ maxWidth: 760 }} data-testid="letterhead-settings">
      <Typography.Paragraph type="secondary">{t('quoteDocuments.letterhead.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void saveTexts(v)}>
        {FIELDS.map(({ key, rows, max }) => (
          <Form.Item key={key} name={['letterhead', key]} label={t(`quoteDocuments.letterhead.${key}`)} extra={key === 'bankDetails' ? t('quoteDocuments.letterhead.bankDetailsHelp') : undefined}>
            {rows ? <Input.TextArea rows={rows} maxLength={max} data-testid={`letterhead-${key}`} /> : <Input maxLength={max} data-testid={`letterhead-${key}`} />}
          </Form.Item>
        ))}
        <Form.Item label={t('quoteDocuments.letterhead.logo')} extra={t(picker ? 'quoteDocuments.letterhead.logoHelp' : 'quoteDocuments.letterhead.logoPathHelp')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {logoImage.data?.dataUrl ? (
                <img src={logoImage.data.dataUrl} alt={t('quoteDocuments.letterhead.logo')} style={{ maxHeight: 56, maxWidth: 160, border: '1px solid #f0f0f0' }} data-testid="letterhead-logo-preview" />
              ) : (
                <PictureOutlined />
              )}
              <Typography.Text data-testid="letterhead-logo-state">{logoLine}</Typography.Text>
              {picker && (
                <Button onClick={() => void chooseLogo()} loading={pick.isPending} data-testid="letterhead-logo-choose">
                  {t('quoteDocuments.letterhead.chooseLogo')}
                </Button>
              )}
              {letterhead.logo && (
                <Button icon={<DeleteOutlined />} onClick={() => void save({ logoPath: null }, t('quoteDocuments.letterhead.saved'))} data-testid="letterhead-logo-remove">
                  {t('quoteDocuments.letterhead.removeLogo')}
                </Button>
              )}
            </Space>
            {!picker && (
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name={['letterhead', 'logoPath']} noStyle>
                  <Input maxLength={4000} placeholder={t('quoteDocuments.letterhead.logoPath')} aria-label={t('quoteDocuments.letterhead.logoPath')} data-testid="letterhead-logo-path" />
                </Form.Item>
                <Button onClick={() => void saveTypedLogo()} loading={update.isPending} data-testid="letterhead-logo-use">
                  {t('quoteDocuments.letterhead.useLogo')}
                </Button>
              </Space.Compact>
            )}
          </Space>
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={update.isPending} data-testid="letterhead-save">
          {t('quoteDocuments.letterhead.save')}
        </Button>
      </Form>
    </Card>
  );
}
