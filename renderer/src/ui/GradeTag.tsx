import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/customer-enums.ts';

const GRADE_COLORS: Record<Grade, string> = { A: 'volcano', B: 'gold', C: 'blue', D: 'default' };

/**
 * The letter, coloured, with the grade's meaning (VIP / seed / potential / dropped) on hover.
 * Long lists pass `plainTitle`: a native title costs nothing per row, a Tooltip does.
 */
export function GradeTag({ grade, plainTitle = false }: { grade: Grade; plainTitle?: boolean }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={GRADE_COLORS[grade]} data-testid="grade-tag" title={plainTitle ? t(`grades.${grade}`) : undefined}>
      {grade}
    </Tag>
  );
  return plainTitle ? tag : <Tooltip title={t(`grades.${grade}`)}>{tag}</Tooltip>;
}
