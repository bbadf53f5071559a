import { useTranslation } from 'react-i18next';
import { valueBand, type ValueBand } from '../../../shared/domain/value-score.ts';
import { ListTag, type ListTagColor } from './ListTag.tsx';

export const VALUE_BAND_COLORS: Record<ValueBand, ListTagColor> = { high: 'volcano', medium: 'gold', low: 'default' };

/** The computed value score (0–100) as a plain tag coloured by band, beside the manual grade (see ListGradeTag for why plain). */
export function ListScoreTag({ score }: { score: number | null }) {
  const { t } = useTranslation();
  if (score === null) return <span className="muted" title={t('scores.none')}>—</span>;
  const band = valueBand(score);
  return (
    <ListTag color={VALUE_BAND_COLORS[band]} title={`${t('scores.title')}: ${t(`scores.bands.${band}`)}`} testId="score-tag">
      {score}
    </ListTag>
  );
}
