import type { TFunction } from 'i18next';
import type { PriceWarning } from '../../../../shared/contract/quotes.contract.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';
import type { FeedbackModal } from '../../app/feedback.ts';

/** Asks before saving prices lower than the last ones quoted to the customer; resolves true to save anyway. */
export function confirmLowerPrices(modal: FeedbackModal, t: TFunction, warnings: readonly PriceWarning[]): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: t('quotes.priceWarning.title'),
      content: (
        <ul data-testid="price-warning" style={{ paddingLeft: 16 }}>
          {warnings.map((w) => (
            <li key={w.line}>
              {t('quotes.priceWarning.line', { line: w.line + 1, price: formatMoneyE4(w.unitPriceE4), last: formatMoneyE4(w.lastPriceE4), currency: w.currency, number: w.lastNumber, date: new Date(w.lastQuotedAt).toLocaleDateString() })}
            </li>
          ))}
        </ul>
      ),
      okText: t('quotes.priceWarning.saveAnyway'),
      okButtonProps: { danger: true, 'data-testid': 'price-warning-save' },
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
