import { Input, Select, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget } from '../../../../shared/contract/imports.contract.ts';
import { CONTACT_IMPORT_FIELDS } from '../../../../shared/domain/contact-import-choices.ts';
import { CUSTOM_LABEL_MAX, targetFromValue, targetValue, type ColumnMapping } from './contact-import-format.ts';

const BASIS_COLORS: Record<ColumnMapping['basis'], string> = { given: 'blue', saved: 'purple', exact: 'green', partial: 'gold', none: 'default' };

/** How the target was found: chosen, saved, recognised from the header, probably, or not at all. */
export function ColumnBasis({ basis }: { basis: ColumnMapping['basis'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={BASIS_COLORS[basis]} data-testid="contact-column-basis" data-basis={basis}>
      {t(`contactImport.center.columns.basis.${basis}`)}
    </Tag>
  );
}

/**
 * A custom field's label, sent when the user is done with it (Enter or leaving the field): each
 * change reads the sheet again. An empty label is not sent; the one before stays.
 */
function CustomLabel({ label, onChange }: { label: string; onChange(label: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(label);
  const [shown, setShown] = useState(label);
  // A new label from the service (another mapping, another sheet) replaces what is typed.
  if (shown !== label) {
    setShown(label);
    setText(label);
  }
  const commit = () => {
    const trimmed = text.trim();
    if (trimmed && trimmed !== label) onChange(trimmed);
    else setText(label);
  };
  const name = t('contactImport.center.columns.customLabel');
  return (
    <Tooltip title={text.trim() ? undefined : t('contactImport.center.columns.customLabelRequired')}>
      <Input
        size="small"
        value={text}
        maxLength={CUSTOM_LABEL_MAX}
        status={text.trim() ? undefined : 'error'}
        aria-label={name}
        placeholder={name}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onPressEnter={(e) => {
          // Enter here is "use this label", not "go on to the rows".
          e.stopPropagation();
          if (!e.nativeEvent.isComposing) commit();
        }}
        data-testid="contact-column-label"
      />
    </Tooltip>
  );
}

/** Where one column goes: a field, a custom field with its label, or nowhere. */
export function ColumnTargetPicker({ column, onChange }: { column: ColumnMapping; onChange(target: ColumnTarget): void }) {
  const { t } = useTranslation();
  const options = [
    {
      label: t('contactImport.center.columns.fieldGroup'),
      title: 'fields',
      options: CONTACT_IMPORT_FIELDS.map((field) => ({ value: `field:${field}`, label: t(`contactImport.fields.${field}`) })),
    },
    { value: 'custom', label: t('contactImport.center.columns.custom') },
    { value: 'skip', label: t('contactImport.center.columns.skip') },
  ];
  return (
    <div className="contact-column-target">
      <Select<string>
        size="small"
        value={targetValue(column.target)}
        onChange={(value) => onChange(targetFromValue(value, column))}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        aria-label={t('contactImport.center.columns.target')}
        className="contact-column-select"
        data-testid="contact-column-target"
      />
      {column.target.kind === 'custom' && <CustomLabel label={column.target.label} onChange={(label) => onChange({ kind: 'custom', label })} />}
    </div>
  );
}
