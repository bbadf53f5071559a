import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/customer-enums.ts';
import { ListTag, type ListTagColor } from './ListTag.tsx';

export const GRADE_COLORS: Record<Grade, ListTagColor> = { A: 'volcano', B: 'gold', C: 'blue', D: 'default' };

/**
 * GradeTag for long lists: a plain tag with a native title costs next to nothing per row, an
 * antd Tag with a Tooltip does not (and the customer list's first screen then needs no Tag code).
 */
export function ListGradeTag({ grade }: { grade: Grade }) {
  const { t } = useTranslation();
  return (
    <ListTag color={GRADE_COLORS[grade]} title={t(`grades.${grade}`)} testId="grade-tag">
      {grade}
    </ListTag>
  );
}
