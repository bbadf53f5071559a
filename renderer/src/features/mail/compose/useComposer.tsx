import { useCallback, useState, type ReactNode } from 'react';
import { ComposeDrawer, type ComposeRequest } from './ComposeDrawer.tsx';

export interface Composer {
  open(request: ComposeRequest): void;
  /** The compose drawer while one is open; render it once in the screen. */
  element: ReactNode;
}

/** New mail, reply and forward for any screen: one compose drawer at a time. */
export function useComposer(): Composer {
  const [request, setRequest] = useState<{ id: number; request: ComposeRequest } | null>(null);
  // While a draft is open another one never replaces it (a stray shortcut must not lose it).
  const open = useCallback((next: ComposeRequest) => setRequest((prev) => prev ?? { id: Date.now(), request: next }), []);
  const close = useCallback(() => setRequest(null), []);
  return {
    open,
    // A new key per opening: each gets a fresh draft.
    element: request && <ComposeDrawer key={request.id} request={request.request} onClose={close} />,
  };
}
