import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Below the first view of a huge message: it says that the rest is left out, and shows it on request. */
export function ShowWholeMessage({ onShow }: { onShow: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="mail-truncated" data-testid="mail-truncated">
      <Typography.Text type="secondary">{t('mail.reader.truncated')}</Typography.Text>
      <Button size="small" onClick={onShow} data-testid="mail-show-whole">
        {t('mail.reader.showWhole')}
      </Button>
    </div>
  );
}
