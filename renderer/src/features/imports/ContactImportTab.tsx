import { Alert, Button, Card, Steps } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportBatch } from '../../../../shared/contract/imports.contract.ts';
import { toAppError, translateError, useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useCall } from '../../app/useCall.ts';
import { ContactImportColumns } from './ContactImportColumns.tsx';
import { ContactImportApplying, ContactImportDone } from './ContactImportDone.tsx';
import { ContactImportFile } from './ContactImportFile.tsx';
import { ContactImportRows } from './ContactImportRows.tsx';
import { actionCounts, mappingComplete } from './contact-import-format.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { ImportReportDialog } from './ImportReportDialog.tsx';
import { archiveName } from './import-format.ts';
import { useContactImport, type ContactImportFlow, type ContactStep } from './useContactImport.ts';
import { useImportProgress } from './useImportProgress.ts';
import './contact-import.css';

const STEPS: readonly ContactStep[] = ['file', 'columns', 'rows', 'done'];

/** Import… asks first, saying what the shown rows become; the dialog's own Enter and Esc confirm and keep. */
function useConfirmApply(flow: ContactImportFlow): () => void {
  const { t } = useTranslation();
  const { modal } = useFeedback();
  const showError = useShowError();
  return () => {
    if (!flow.sheet || !flow.choice || flow.applying) return;
    const counts = actionCounts(flow.sheet.rows, flow.decisions);
    modal.confirm({
      title: t('contactImport.center.confirm.title', { name: archiveName(flow.choice.path) }),
      width: 520,
      content: (
        <div data-testid="contact-confirm">
          <p>{t('contactImport.center.confirm.body', { sheet: flow.sheet.name, ...counts })}</p>
          <p>{t('contactImport.center.confirm.undo')}</p>
        </div>
      ),
      okText: t('contactImport.center.confirm.ok'),
      cancelText: t('contactImport.center.confirm.cancel'),
      okButtonProps: { 'data-testid': 'contact-confirm-ok' },
      // The dialog closes at once; the run shows its progress in the tab.
      onOk: () => void flow.run().catch(showError),
    });
  };
}

/** The step on screen: the file, its columns, its rows, the run, or its outcome. */
function StepBody({ flow, batch, onApply, onReport }: { flow: ContactImportFlow; batch: ImportBatch | null; onApply(): void; onReport(batch: ImportBatch): void }) {
  const { t } = useTranslation();
  if (flow.applying) return <ContactImportApplying flow={flow} />;
  if (flow.step === 'done' && batch) return <ContactImportDone batch={batch} onReport={() => onReport(batch)} onRestart={flow.restart} />;
  if (flow.step !== 'file' && !flow.sheet && flow.preview.isError) {
    // The file read before, not now (moved, or unreadable in the encoding chosen): say so, and the way back.
    return (
      <Alert
        type="error"
        showIcon
        title={translateError(t, toAppError(flow.preview.error))}
        action={<Button onClick={() => flow.setStep('file')}>{t('contactImport.center.columns.back')}</Button>}
        data-testid="contact-preview-error"
      />
    );
  }
  if (flow.step === 'file' || !flow.sheet) {
    return <ContactImportFile initialPath={flow.choice?.path ?? ''} onOpen={flow.open} />;
  }
  return (
    <>
      {flow.preview.isError && <Alert type="error" showIcon title={translateError(t, toAppError(flow.preview.error))} data-testid="contact-preview-error" />}
      {flow.step === 'columns' ? <ContactImportColumns flow={flow} sheet={flow.sheet} /> : <ContactImportRows flow={flow} sheet={flow.sheet} onApply={onApply} />}
    </>
  );
}

/**
 * Contact sheets: choose a file, map its columns, review its first rows and decide each, import
 * them as one batch, and see the outcome; below, the contact imports done, with their reports
 * and Undo. Enter goes on to the next step and Esc back to the one before, except where the
 * focused control has a use for the key (a select, a button, a dialog).
 */
export function ContactImportTab() {
  const { t } = useTranslation();
  const flow = useContactImport();
  const confirmApply = useConfirmApply(flow);
  const list = useCall('imports.list', {});
  const imports = useImportProgress(list.data).filter((b) => b.kind === 'contacts');
  const [report, setReport] = useState<ImportBatch | null>(null);
  const body = useRef<HTMLDivElement>(null);
  // The batch as it is now: an Undo in the history shows in the outcome too.
  const batch = flow.result ? (imports.find((b) => b.id === flow.result?.id) ?? flow.result) : null;

  useEffect(() => {
    // The file step focuses its field; the others take the focus so that Enter and Esc reach them.
    if (flow.step !== 'file') body.current?.focus();
  }, [flow.step]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.defaultPrevented || e.nativeEvent.isComposing || flow.applying || report) return;
    if ((e.target as HTMLElement).closest('.ant-select, button, a, textarea')) return;
    const forward = e.key === 'Enter';
    if (!forward && e.key !== 'Escape') return;
    if (flow.step === 'columns' && flow.sheet) {
      e.preventDefault();
      if (!forward) flow.setStep('file');
      else if (mappingComplete(flow.sheet.mapping.map((m) => m.target)) && flow.sheet.mapping.length > 0) flow.setStep('rows');
    } else if (flow.step === 'rows' && flow.sheet) {
      e.preventDefault();
      if (!forward) flow.setStep('columns');
      else if (flow.sheet.rows.length > 0) confirmApply();
    }
  }

  const current = flow.applying ? STEPS.indexOf('done') : STEPS.indexOf(flow.step);
  return (
    <div className="import-center-tab" data-testid="contact-import">
      <Card size="small" title={t('contactImport.center.file.title')}>
        <Steps
          size="small"
          current={current}
          status={flow.step === 'done' && !flow.applying ? 'finish' : 'process'}
          className="contact-import-steps"
          items={STEPS.map((s) => ({ title: t(`contactImport.center.steps.${s}`) }))}
          data-testid="contact-import-steps"
        />
        <div ref={body} tabIndex={-1} className="contact-import-body" onKeyDown={onKeyDown} data-step={flow.applying ? 'applying' : flow.step}>
          <StepBody flow={flow} batch={batch} onApply={confirmApply} onReport={setReport} />
        </div>
      </Card>
      <Card size="small" title={t('contactImport.center.history.title')} data-testid="contact-imports-history">
        <ImportHistory imports={imports} loading={list.isLoading} onReport={setReport} emptyText={t('contactImport.center.history.empty')} />
      </Card>
      {report && <ImportReportDialog batch={imports.find((b) => b.id === report.id) ?? report} onClose={() => setReport(null)} />}
    </div>
  );
}
