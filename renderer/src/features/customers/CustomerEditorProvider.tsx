import { createContext, lazy, Suspense, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CustomerDetail } from '../../../../shared/contract/customers.contract.ts';
import { useShellCommand } from '../../app/shell-commands.ts';
import { withFullStyles } from '../../app/full-styles.ts';

/** The form (with its date pickers) loads on first use, not with the list. */
export const loadCustomerFormDrawer = withFullStyles(() => import('./CustomerFormDrawer.tsx'));
const CustomerFormDrawer = lazy(() => loadCustomerFormDrawer().then((m) => ({ default: m.CustomerFormDrawer })));

interface CustomerEditor {
  openCreate(): void;
  openEdit(customer: CustomerDetail): void;
}

const EditorContext = createContext<CustomerEditor | null>(null);

/** One create/edit drawer for the whole app, so Ctrl/Cmd+N works from any screen. */
export function CustomerEditorProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<{ open: boolean; customer: CustomerDetail | null; session: number }>({ open: false, customer: null, session: 0 });
  const editor = useMemo<CustomerEditor>(
    () => ({
      openCreate: () => setState((s) => ({ open: true, customer: null, session: s.session + 1 })),
      openEdit: (customer) => setState((s) => ({ open: true, customer, session: s.session + 1 })),
    }),
    [],
  );
  useShellCommand('newCustomer', editor.openCreate);

  return (
    <EditorContext.Provider value={editor}>
      {children}
      {state.session > 0 && (
        <Suspense fallback={null}>
          <CustomerFormDrawer key={state.session} open={state.open} customer={state.customer} onClose={() => setState((s) => ({ ...s, open: false }))} />
        </Suspense>
      )}
    </EditorContext.Provider>
  );
}

export function useCustomerEditor(): CustomerEditor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useCustomerEditor outside CustomerEditorProvider');
  return editor;
}
