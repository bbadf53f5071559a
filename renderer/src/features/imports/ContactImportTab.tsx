/** Contact sheets: choose a file, map its columns, review its rows, import them as one batch. */
export function ContactImportTab() {
  return <div className="import-center-tab" data-testid="contact-import" />;
}
