import { FolderOpenOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, type FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppError, useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall, useMutationCall } from '../../app/useCall.ts';
import { inFolder } from './export-paths.ts';
import { isFullPath } from './import-format.ts';

/**
 * Where an export goes, for every screen that writes a file (the Export tab, a quote's
 * documents, a report's sheet): a full path typed — the web host has no dialog — or, in the
 * desktop app, a folder chosen with the system's dialog and joined with the file's name; and the
 * rule that an existing file is replaced only when the user says so.
 */

/** The desktop app's "Choose folder…": sets the field to the folder, or to the file `fileName` in it. */
export function useChooseFolder(form: FormInstance, name: string, fileName?: () => string) {
  const desktop = useCall('app.getInfo', {}).data?.host === 'electron';
  const pick = useMutationCall('app.pickFolder');
  const showError = useShowError();
  const choose = async () => {
    try {
      const current = form.getFieldValue(name) as string | undefined;
      const chosen = await pick.mutateAsync({ purpose: 'exportFolder', ...(current && isFullPath(current) ? { defaultPath: current } : {}) });
      if (chosen.path === null) return;
      form.setFieldsValue({ [name]: fileName ? inFolder(chosen.path, current, fileName()) : chosen.path });
      void form.validateFields([name]).catch(() => {});
    } catch (err) {
      showError(err);
    }
  };
  return desktop ? { choose: () => void choose(), choosing: pick.isPending } : null;
}

/** The target path: required, and a full path (the service would refuse anything else). */
export function PathField({
  name,
  label,
  placeholder,
  extension,
  testId,
  folder,
}: {
  name: string;
  label: string;
  placeholder: string;
  extension?: () => string;
  testId: string;
  folder: { choose(): void; choosing: boolean } | null;
}) {
  const { t } = useTranslation();
  const input = <Input maxLength={4000} aria-label={label} placeholder={placeholder} data-testid={testId} autoComplete="off" spellCheck={false} />;
  const rules: Rule[] = [
    { required: true, whitespace: true, message: t('exports.center.pathRequired') },
    {
      validator: async (_, value: string | undefined) => {
        const path = value?.trim() ?? '';
        if (path && !isFullPath(path)) throw new Error(t('exports.center.pathNotAbsolute', { path }));
        const ext = extension?.();
        if (path && ext && !path.toLowerCase().endsWith(ext)) throw new Error(t('exports.center.wrongExtension', { extension: ext }));
      },
    },
  ];
  if (!folder) {
    return (
      <Form.Item name={name} label={label} validateTrigger="onSubmit" rules={rules}>
        {input}
      </Form.Item>
    );
  }
  return (
    <Form.Item label={label} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={name} noStyle validateTrigger="onSubmit" rules={rules}>
          {input}
        </Form.Item>
        <Button icon={<FolderOpenOutlined />} onClick={folder.choose} loading={folder.choosing} data-testid={`${testId}-choose`}>
          {t('exports.center.chooseFolder')}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}


/**
 * Runs `write` (a call that refuses an existing file with exports.errors.exists unless told to
 * overwrite); on that refusal asks the user, and a yes runs it again with overwrite. Other
 * failures are shown as they are.
 */
export function useAskToReplace(): (target: string, write: (overwrite: boolean) => Promise<void>) => Promise<void> {
  const { t } = useTranslation();
  const showError = useShowError();
  const { modal } = useFeedback();
  return useCallback(
    async function attempt(target: string, write: (overwrite: boolean) => Promise<void>, overwrite = false): Promise<void> {
      try {
        await write(overwrite);
      } catch (err) {
        const error = toAppError(err);
        if (error.message !== 'exports.errors.exists') return showError(err);
        modal.confirm({
          title: t('exports.center.replaceTitle'),
          content: t('exports.center.replaceBody', { file: error.params?.file ?? target }),
          okText: t('exports.center.replace'),
          okButtonProps: { danger: true, 'data-testid': 'export-replace' },
          cancelText: t('common.cancel'),
          onOk: () => void attempt(target, write, true),
        });
      }
    },
    [modal, showError, t],
  );
}
