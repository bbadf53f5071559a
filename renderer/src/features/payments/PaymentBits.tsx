import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LetterOfCredit, Payment } from '../../../../shared/contract/payments.contract.ts';
import { formatMoneyE4 } from '../../../../shared/domain/money.ts';

/** Red for what is late, orange for what comes within the reminder days, green for what is settled. */
const PAYMENT_COLORS: Record<Payment['state'], string> = { overdue: 'red', dueSoon: 'orange', open: 'blue', noDate: 'default', received: 'green' };
const LC_COLORS: Record<LetterOfCredit['state'], string> = { expired: 'red', shipmentMissed: 'red', expiringSoon: 'orange', shipmentSoon: 'orange', open: 'blue', closed: 'default' };

export function PaymentStateTag({ state }: { state: Payment['state'] }) {
  const { t } = useTranslation();
  return <Tag color={PAYMENT_COLORS[state]} data-testid="payment-state" data-state={state}>{t(`payments.states.${state}`)}</Tag>;
}

export function LcStateTag({ state }: { state: LetterOfCredit['state'] }) {
  const { t } = useTranslation();
  return <Tag color={LC_COLORS[state]} data-testid="lc-state" data-state={state}>{t(`payments.lcStates.${state}`)}</Tag>;
}

export const moneyText = (amountE4: number, currency: string): string => `${formatMoneyE4(amountE4)} ${currency}`;

/** "Deposit" or the payment's own words after it ("Other payment · tooling"). */
export function usePaymentName(): (p: Pick<Payment, 'label' | 'note'>) => string {
  const { t } = useTranslation();
  return (p) => [t(`payments.labels.${p.label}`), p.note].filter(Boolean).join(' · ');
}
