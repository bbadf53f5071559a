import { DownOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplatePlaceholder } from '../../../../../shared/domain/mail-template.ts';
import { placeholderGroups, placeholderToken } from './template-helpers.ts';

/** A menu of every placeholder, by contact / customer / account; picking one inserts it where the cursor was. */
export function PlaceholderPicker({ onPick }: { onPick(placeholder: TemplatePlaceholder): void }) {
  const { t } = useTranslation();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: placeholderGroups().map(({ group, placeholders }) => ({
          key: group,
          type: 'group' as const,
          label: t(`mail.templates.groups.${group}`),
          children: placeholders.map((p) => ({
            key: p,
            label: (
              <span className="template-placeholder-item" data-testid={`template-placeholder-${p}`}>
                <span>{t(`mail.placeholders.${p}`)}</span>
                <code className="muted">{placeholderToken(p)}</code>
              </span>
            ),
          })),
        })),
        onClick: ({ key }) => onPick(key as TemplatePlaceholder),
      }}
    >
      {/* mousedown would take the focus (and the cursor position) from the field being written in. */}
      <Button size="small" icon={<PlusCircleOutlined />} onMouseDown={(e) => e.preventDefault()} data-testid="template-insert-placeholder">
        {t('mail.templates.insertPlaceholder')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
