import { Button } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withFullStyles } from '../../app/full-styles.ts';
import { useCall } from '../../app/useCall.ts';

// The drawer (antd's Drawer and List, and the full stylesheet they need) loads on the first click:
// the button is on the customer list, whose first screen is painted with its own rules only.
const StageSuggestionsDrawer = lazy(() => withFullStyles(() => import('./StageSuggestionsDrawer.tsx'))().then((m) => ({ default: m.StageSuggestionsDrawer })));

/** The customer list's "Stage suggestions (N)" button, there only while suggestions wait for the user. */
export function StageSuggestionsButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const total = useCall('scores.suggestions', { limit: 1 }).data?.total ?? 0;
  if (total === 0 && !open) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="stage-suggestions-open" data-count={total}>
        {t('scores.suggestions.title')} ({total.toLocaleString()})
      </Button>
      {open && (
        <Suspense fallback={null}>
          <StageSuggestionsDrawer onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
