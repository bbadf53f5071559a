import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../app/feedback.ts';
import { useCall } from '../../app/useCall.ts';
import { ActivityFormModal } from '../customers/ActivityFormModal.tsx';

/**
 * Logging the follow-up right from a reminder (the overdue list, Today): the call becomes a timeline entry, which
 * moves the customer's last contact and takes it off the list.
 */
export function LogCallModal({ customer, onClose }: { customer: { id: string; name: string }; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  // The form picks the primary contact when it is created, so it waits for the contacts.
  const detail = useCall('customers.get', { id: customer.id });
  if (detail.isLoading) return null;
  return (
    <ActivityFormModal
      customerId={customer.id}
      contacts={detail.data?.contacts ?? []}
      activity={null}
      kind="call"
      title={t('reminders.logCallDialog.title', { name: customer.name })}
      onClose={(saved) => {
        if (saved) void message.success(t('reminders.logCallDialog.saved'));
        onClose();
      }}
    />
  );
}
