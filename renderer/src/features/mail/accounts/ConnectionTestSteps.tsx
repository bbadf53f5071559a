import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../../../shared/contract/contract.ts';
import { TEST_STEPS } from './account-form.ts';

type TestResult = CallOutput<'mail.testAccount'>;

/** Where the outgoing server's steps begin in TEST_STEPS. */
const SMTP_FROM = TEST_STEPS.indexOf('smtpConnect');

/**
 * "Test connection", step by step: ✓ for what worked, ✗ for the step that failed with the
 * translated reason and the server's own words, – for steps never reached.
 */
export function ConnectionTestSteps({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  return (
    <Alert
      type={result.ok ? 'success' : 'error'}
      showIcon
      data-testid="mail-test-result"
      data-ok={String(result.ok)}
      title={result.ok ? t('mail.testResult.ok', { count: result.folders.length }) : t('mail.testResult.failed')}
      description={
        <ol className="mail-test-steps">
          {TEST_STEPS.map((step, index) => {
            const done = result.steps.find((s) => s.step === step);
            // A step missing before a later one of the same server was not needed (no TLS step on
            // a cleartext connection); one missing after a failure was never reached.
            const server = (i: number) => (i < SMTP_FROM ? 'imap' : 'smtp');
            const later = result.steps.some((s) => TEST_STEPS.indexOf(s.step) > index && server(TEST_STEPS.indexOf(s.step)) === server(index));
            const state = done ? (done.ok ? 'ok' : 'failed') : later ? 'notUsed' : 'skipped';
            return (
              <li key={step} data-testid="mail-test-step" data-step={step} data-state={state}>
                <span className="mail-test-icon">
                  {state === 'ok' ? <CheckCircleFilled className="ok" /> : state === 'failed' ? <CloseCircleFilled className="failed" /> : <MinusCircleOutlined className="muted" />}
                </span>
                <span>{t(`mail.testResult.steps.${step}`)}</span>
                {done && <span className="muted"> · {t('mail.testResult.ms', { ms: Math.round(done.ms) })}</span>}
                {state === 'skipped' && <span className="muted"> · {t('mail.testResult.notReached')}</span>}
                {state === 'notUsed' && <span className="muted"> · {t('mail.testResult.notUsed')}</span>}
                {done && !done.ok && (
                  <div className="mail-test-failure">
                    {done.message && <div data-testid="mail-test-message">{t(done.message, { defaultValue: done.message })}</div>}
                    {done.detail && (
                      <div>
                        <span className="muted">{t('mail.testResult.serverSaid')} </span>
                        <code data-testid="mail-test-detail">{done.detail}</code>
                      </div>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      }
    />
  );
}
