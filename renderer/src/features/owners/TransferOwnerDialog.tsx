import { Form, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/app-errors.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { useFeedback } from '../../app/feedback.ts';

/** The Select's value for "no salesperson": Select cannot hold null, and ids are never empty. */
const NO_OWNER = '';

/**
 * Moves customers to another salesperson (or to nobody) in one `customers.transfer` call.
 * Inactive salespeople are offered too, after the active ones: a handover may go either way.
 */
export function TransferOwnerDialog(props: { customerIds: string[]; open: boolean; onClose(done: boolean): void }) {
  const { customerIds, open, onClose } = props;
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const owners = useCall('owners.list', {}, { enabled: open });
  const transfer = useMutationCall('customers.transfer');
  const [ownerId, setOwnerId] = useState<string | undefined>(undefined);
  const [touched, setTouched] = useState(false);

  // Each opening starts from a blank choice (React's "adjust state on prop change" pattern).
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setOwnerId(undefined);
      setTouched(false);
    }
  }

  const list = owners.data ?? [];
  const sorted = [...list.filter((o) => o.active), ...list.filter((o) => !o.active)];
  const options = [
    ...sorted.map((o) => ({
      value: o.id,
      label: `${o.active ? o.name : t('owners.transfer.inactive', { name: o.name })} (${o.customerCount})`,
    })),
    { value: NO_OWNER, label: t('owners.transfer.noOwner') },
  ];

  async function submit(): Promise<void> {
    setTouched(true);
    if (ownerId === undefined) return;
    try {
      const { count } = await transfer.mutateAsync({ ids: customerIds, toOwnerId: ownerId === NO_OWNER ? null : ownerId });
      const name = ownerId === NO_OWNER ? t('owners.transfer.nobody') : (list.find((o) => o.id === ownerId)?.name ?? '');
      void message.success(t('owners.transfer.done', { count, name }));
      onClose(true);
    } catch (err) {
      showError(err);
    }
  }

  const missing = touched && ownerId === undefined;
  return (
    <Modal
      open={open}
      title={t('owners.transfer.title', { count: customerIds.length })}
      okText={t('owners.transfer.ok')}
      onOk={() => void submit()}
      onCancel={() => onClose(false)}
      confirmLoading={transfer.isPending}
      okButtonProps={{ 'data-testid': 'transfer-ok', disabled: customerIds.length === 0 }}
      destroyOnHidden
      data-testid="transfer-dialog"
    >
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item
          label={t('owners.transfer.to')}
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('owners.transfer.required') : undefined}
        >
          <Select<string>
            autoFocus
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('owners.transfer.pick')}
            aria-label={t('owners.transfer.to')}
            data-testid="transfer-owner-select"
            loading={owners.isLoading}
            value={ownerId}
            onChange={(v) => setOwnerId(v)}
            options={options}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
