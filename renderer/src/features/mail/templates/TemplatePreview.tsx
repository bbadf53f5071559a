import { Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../../app/useCall.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { CustomerPicker, type PickedCustomer } from '../../../ui/CustomerPicker.tsx';
import { defaultContactId } from '../batch/batch-helpers.ts';
import { TemplatePreviewCard } from './TemplatePreviewCard.tsx';

/** The template being edited, rendered for a customer's contact the user picks (unsaved edits included). */
export function TemplatePreview({ subject, text }: { subject: string; text: string }) {
  const { t } = useTranslation();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [chosenContact, setChosenContact] = useState<string | null>(null);
  const detail = useCall('customers.get', { id: customer?.id ?? '' }, { enabled: customer !== null });
  const contacts = customer ? (detail.data?.contacts ?? []) : [];
  const contactId =
    chosenContact && contacts.some((c) => c.id === chosenContact)
      ? chosenContact
      : defaultContactId(contacts.map((c) => ({ id: c.id, isPrimary: c.isPrimary, email: c.channels.find((ch) => ch.kind === 'email')?.value ?? null })));
  // Typing re-renders the preview only once it pauses.
  const debouncedSubject = useDebouncedValue(subject, 300);
  const debouncedText = useDebouncedValue(text, 300);
  const preview = useCall(
    'mail.previewTemplate',
    { template: { subject: debouncedSubject, text: debouncedText }, contactId: contactId ?? '' },
    { enabled: contactId !== null && debouncedText.trim() !== '', placeholderData: (previous) => previous, retry: false },
  );

  return (
    <div className="template-preview-panel" data-testid="template-preview-panel">
      <Space wrap style={{ width: '100%' }}>
        <div style={{ minWidth: 280 }}>
          <CustomerPicker
            value={customer}
            onChange={(c) => {
              setCustomer(c);
              setChosenContact(null);
            }}
            placeholder={t('mail.templates.previewCustomer')}
            testId="template-preview-customer"
          />
        </div>
        {customer && (
          <Select<string>
            style={{ minWidth: 220 }}
            placeholder={t('mail.templates.previewContact')}
            value={contactId ?? undefined}
            onChange={setChosenContact}
            notFoundContent={t('mail.batch.noContacts')}
            data-testid="template-preview-contact"
            options={contacts.map((c) => ({ value: c.id, label: c.name }))}
          />
        )}
      </Space>
      {contactId ? (
        <TemplatePreviewCard preview={preview.data} loading={preview.isFetching} error={preview.error} />
      ) : (
        <div className="muted template-preview-hint">{t('mail.templates.previewHint')}</div>
      )}
    </div>
  );
}
