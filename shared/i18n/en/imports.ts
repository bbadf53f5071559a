/** Imports (the import service and, later, the Import center): history, report and errors. */
export const imports = {
  imports: {
    errors: {
      notFound: 'There is no import {{id}}.',
      notResumable: 'This import cannot be continued: it is {{status}}.',
      ownerNotFound: 'The salesperson chosen for the imported mail no longer exists.',
      failed: 'The import stopped because of an error: {{reason}}. What was imported so far is kept; start it again to continue.',
    },
  },
} as const;
