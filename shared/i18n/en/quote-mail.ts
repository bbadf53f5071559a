/** Mail linked to quotes (issue 13 point 6). */
export const quoteMail = {
  quoteMail: {
    errors: {
      quoteNotFound: 'The quote was not found (it may have been deleted).',
    },
  },
} as const;
