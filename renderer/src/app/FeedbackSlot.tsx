import { lazy, Suspense, useEffect, useState } from 'react';
import { afterFirstPaint } from '../ui/after-first-paint.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { onFeedbackWanted } from './feedback.ts';

const FeedbackHost = lazy(() => import('./FeedbackHost.tsx').then((m) => ({ default: m.FeedbackHost })));

/** Mounts FeedbackHost once the first screen is on screen, or sooner if something is to be shown. */
export function FeedbackSlot() {
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    if (mounted) return;
    const mount = () => setMounted(true);
    const stopWaiting = afterFirstPaint(mount);
    const stopListening = onFeedbackWanted(mount);
    return () => {
      stopWaiting();
      stopListening();
    };
  }, [mounted]);
  // Should its code fail to load, messages wait unseen rather than take the window down.
  return mounted ? (
    <ErrorBoundary fallback={null}>
      <Suspense fallback={null}>
        <FeedbackHost />
      </Suspense>
    </ErrorBoundary>
  ) : null;
}
