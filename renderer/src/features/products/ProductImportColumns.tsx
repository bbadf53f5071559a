import { Select, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../shared/contract/contract.ts';
import { PRODUCT_IMPORT_FIELDS } from '../../../../shared/domain/product-import-fields.ts';

type Column = CallOutput<'products.previewImport'>['columns'][number];
type Target = Column['target'];
const TARGETS: Target[] = [...PRODUCT_IMPORT_FIELDS, 'extra', 'skip'];

/** The sheet's columns with the field each goes to, changeable, and their first values. */
export function ProductImportColumns({ columns, targets, onChange }: { columns: readonly Column[]; targets: Readonly<Record<string, Target>>; onChange(letter: string, target: Target): void }) {
  const { t } = useTranslation();
  return (
    <Table<Column>
      size="small"
      rowKey="letter"
      pagination={false}
      scroll={{ y: 320 }}
      dataSource={[...columns]}
      data-testid="product-import-mapping"
      columns={[
        { key: 'header', title: t('products.importer.column'), width: 180, render: (_, c) => <span data-testid="product-import-column" data-header={c.header}>{c.header || c.letter}</span> },
        {
          key: 'target',
          title: t('products.importer.field'),
          width: 220,
          render: (_, c) => (
            <Select
              size="small"
              style={{ width: '100%' }}
              value={targets[c.letter] ?? c.target}
              disabled={!c.header}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(v: Target) => onChange(c.letter, v)}
              options={TARGETS.map((target) => ({ value: target, label: t(`products.importer.target.${target}`) }))}
              data-testid={`product-import-target-${c.header}`}
            />
          ),
        },
        { key: 'samples', title: t('products.importer.samples'), render: (_, c) => <Typography.Text type="secondary" ellipsis>{c.samples.join(' · ')}</Typography.Text> },
      ]}
    />
  );
}
