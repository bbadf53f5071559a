import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/customer-enums.ts';
import { GRADE_COLORS } from './ListGradeTag.tsx';

/** The letter, coloured, with the grade's meaning (VIP / seed / potential / dropped) on hover. Long lists use ListGradeTag. */
export function GradeTag({ grade }: { grade: Grade }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`grades.${grade}`)}>
      <Tag color={GRADE_COLORS[grade]} data-testid="grade-tag">
        {grade}
      </Tag>
    </Tooltip>
  );
}
