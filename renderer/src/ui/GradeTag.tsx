import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/customer-enums.ts';
import { ListTag, type ListTagColor } from './ListTag.tsx';

const GRADE_COLORS: Record<Grade, ListTagColor> = { A: 'volcano', B: 'gold', C: 'blue', D: 'default' };

/**
 * The letter, coloured, with the grade's meaning (VIP / seed / potential / dropped) on hover.
 * Long lists pass `plainTitle`: a plain tag with a native title costs next to nothing per row,
 * an antd Tag with a Tooltip does not.
 */
export function GradeTag({ grade, plainTitle = false }: { grade: Grade; plainTitle?: boolean }) {
  const { t } = useTranslation();
  if (plainTitle) {
    return (
      <ListTag color={GRADE_COLORS[grade]} title={t(`grades.${grade}`)} testId="grade-tag">
        {grade}
      </ListTag>
    );
  }
  return (
    <Tooltip title={t(`grades.${grade}`)}>
      <Tag color={GRADE_COLORS[grade]} data-testid="grade-tag">
        {grade}
      </Tag>
    </Tooltip>
  );
}
