import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/app-errors.ts';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { useFeedback } from '../../app/feedback.ts';

interface Props<T> {
  intro: string;
  addLabel: string;
  /** Names the add button (`<testId>-add`) and the rows (`<testId>-row`, also their class). */
  testId: string;
  /** Also written on each row as `data-<rowKey>`, which the e2e tests select by. */
  rowKey: keyof T & string;
  rows: readonly T[] | undefined;
  loading: boolean;
  /** Without one, the table keeps antd's own empty look. */
  emptyText?: string;
  maxWidth?: number;
  columns(edit: (row: T) => void): TableColumnsType<T>;
  /** `row` is null when adding. */
  dialog(row: T | null, close: () => void): ReactNode;
}

/** A settings tab that lists records, each added and edited in a dialog. */
export function SettingsListSection<T extends object>({ intro, addLabel, testId, rowKey, rows, loading, emptyText, maxWidth = 960, columns, dialog }: Props<T>) {
  const [editing, setEditing] = useState<{ row: T | null } | null>(null);
  return (
    <div style={{ maxWidth }}>
      <div className="page-header" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary" style={{ flex: 1 }}>
          {intro}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ row: null })} data-testid={`${testId}-add`}>
          {addLabel}
        </Button>
      </div>
      <Table<T>
        rowKey={rowKey}
        size="small"
        pagination={false}
        loading={loading}
        columns={columns((row) => setEditing({ row }))}
        dataSource={rows ?? []}
        onRow={(row) => ({ className: `${testId}-row`, 'data-testid': `${testId}-row`, [`data-${rowKey}`]: String(row[rowKey]) })}
        locale={emptyText === undefined ? undefined : { emptyText: loading ? ' ' : <EmptyState title={emptyText} /> }}
      />
      {/* Mounted per opening: a Form's initialValues apply only when it is created. */}
      {editing && <Fragment key={editing.row ? String(editing.row[rowKey]) : 'new'}>{dialog(editing.row, () => setEditing(null))}</Fragment>}
    </div>
  );
}

export function EditButton({ onClick, testId }: { onClick(): void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Button size="small" icon={<EditOutlined />} onClick={onClick} data-testid={testId}>
      {t('settings.edit')}
    </Button>
  );
}

interface RemoveButtonProps {
  confirm: string;
  remove(): Promise<unknown>;
  /** Shown once the record is gone. */
  removed: string;
  testId: string;
  /** Keeps the button visible but greyed out, saying why. */
  disabledReason?: string;
}

/** Removes a record after asking; a refusal from the service is shown as a toast. */
export function RemoveButton({ confirm, remove, removed, testId, disabledReason }: RemoveButtonProps) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();

  async function onConfirm(): Promise<void> {
    try {
      await remove();
      void message.success(removed);
    } catch (err) {
      showError(err);
    }
  }

  if (disabledReason !== undefined) {
    return (
      <Tooltip title={disabledReason}>
        <Button size="small" danger icon={<DeleteOutlined />} disabled>
          {t('settings.remove')}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Popconfirm title={confirm} onConfirm={onConfirm} okButtonProps={{ danger: true }}>
      <Button size="small" danger icon={<DeleteOutlined />} data-testid={testId}>
        {t('settings.remove')}
      </Button>
    </Popconfirm>
  );
}
