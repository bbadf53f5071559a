import { FileOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PickPurpose } from '../../../../shared/contract/app.contract.ts';
import { useCall } from '../../app/useCall.ts';
import { isFullPath } from './import-format.ts';

/** The contract's limit on `ownAddresses`. */
const MAX_ADDRESSES = 20;
/** A plain shape check, so a typo shows under the field; the service checks again (zod's email). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The archive's path: typed (checked as a full path when the form is sent), or, in the desktop
 * app, chosen with the system's file or folder dialog.
 */
export function ArchivePathField({ picker, picking, onChoose }: { picker: boolean; picking: boolean; onChoose(purpose: PickPurpose): void }) {
  const { t } = useTranslation();
  const label = t('imports.center.form.path');
  return (
    <Form.Item label={label} extra={t(picker ? 'imports.center.form.pathHelpPicked' : 'imports.center.form.pathHelp')} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item
          name="path"
          noStyle
          validateTrigger="onSubmit"
          rules={[
            { required: true, whitespace: true, message: t('imports.center.form.pathRequired') },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value.trim() && !isFullPath(value)) throw new Error(t('imports.center.form.pathNotAbsolute', { path: value.trim() }));
              },
            },
          ]}
        >
          <Input maxLength={4000} aria-label={label} placeholder={t('imports.center.form.pathPlaceholder')} data-testid="import-path" autoComplete="off" spellCheck={false} />
        </Form.Item>
        {picker && (
          <>
            <Button icon={<FileOutlined />} onClick={() => onChoose('mailArchiveFile')} loading={picking} data-testid="import-choose-file">
              {t('imports.center.form.chooseFile')}
            </Button>
            <Button icon={<FolderOpenOutlined />} onClick={() => onChoose('mailArchiveFolder')} loading={picking} data-testid="import-choose-folder">
              {t('imports.center.form.chooseFolder')}
            </Button>
          </>
        )}
      </Space.Compact>
    </Form.Item>
  );
}

/** Whose mail it is: the salesperson, and any other addresses of theirs (Enter adds one). */
export function ArchiveOwnerFields() {
  const { t } = useTranslation();
  const owners = useCall('owners.list', {});
  const ownerLabel = t('imports.center.form.owner');
  const addressesLabel = t('imports.center.form.ownAddresses');
  return (
    <div className="import-form-row">
      <Form.Item name="ownerId" label={ownerLabel} extra={t('imports.center.form.ownerHelp')} className="import-form-owner">
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('imports.center.form.ownerPlaceholder')}
          aria-label={ownerLabel}
          data-testid="import-owner"
          loading={owners.isLoading}
          options={(owners.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.email ? `${o.name} <${o.email}>` : o.name }))}
        />
      </Form.Item>
      <Form.Item
        name="ownAddresses"
        label={addressesLabel}
        extra={t('imports.center.form.ownAddressesHelp')}
        className="import-form-addresses"
        rules={[
          {
            validator: async (_, value: string[] | undefined) => {
              const bad = (value ?? []).find((a) => !EMAIL.test(a.trim()));
              if (bad !== undefined) throw new Error(t('imports.center.form.ownAddressInvalid', { address: bad }));
              if ((value ?? []).length > MAX_ADDRESSES) throw new Error(t('imports.center.form.tooManyAddresses', { max: MAX_ADDRESSES }));
            },
          },
        ]}
      >
        <Select<string[]>
          mode="tags"
          notFoundContent={null}
          tokenSeparators={[',', ';', ' ', '，', '；']}
          placeholder={t('imports.center.form.ownAddressesPlaceholder')}
          aria-label={addressesLabel}
          data-testid="import-own-addresses"
        />
      </Form.Item>
    </div>
  );
}
