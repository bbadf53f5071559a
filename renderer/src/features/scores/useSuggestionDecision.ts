import { useTranslation } from 'react-i18next';
import type { StageSuggestion } from '../../../../shared/contract/scores.contract.ts';
import { useShowError } from '../../app/app-errors.ts';
import { useFeedback } from '../../app/feedback.ts';
import { useMutationCall } from '../../app/useCall.ts';

/** Confirm or dismiss a stage suggestion, with the message saying what happened. */
export function useSuggestionDecision(): { decide(s: StageSuggestion, decision: 'confirm' | 'dismiss'): void; pending: boolean } {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const showError = useShowError();
  const mutation = useMutationCall('scores.decide');
  return {
    pending: mutation.isPending,
    decide(s, decision) {
      mutation.mutate(
        { id: s.id, decision },
        {
          onSuccess: () =>
            void message.success(
              decision === 'confirm' ? t('scores.suggestions.confirmed', { stage: t(`stages.${s.toStage}`) }) : t('scores.suggestions.dismissed'),
            ),
          onError: showError,
        },
      );
    },
  };
}
