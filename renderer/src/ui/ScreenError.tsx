import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './EmptyState.tsx';

/** What a screen shows in place of itself when it failed to render or its code failed to load. */
export function ScreenError() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <EmptyState
        testId="screen-error"
        title={t('errors.screenFailed')}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('errors.reload')}
          </Button>
        }
      />
    </div>
  );
}
