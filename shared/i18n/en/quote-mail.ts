/** Mail linked to quotes (issue 13 point 6). */
export const quoteMail = {
  quoteMail: {
    /** A mail sending a quote, in the quote's language (not the UI's). */
    draft: {
      subject: 'Quotation {{number}}',
      greeting: 'Dear {{name}},',
      greetingNoName: 'Dear Sir or Madam,',
      body: 'Please find attached our quotation {{number}}.',
      validUntil: 'The prices are valid until {{validUntil}}.',
    },
    panel: {
      title: 'Mail',
      empty: 'No mail about this quote yet. Mail that names its number or PI number shows here by itself.',
      unlink: 'Unlink',
      unlinkTitle: 'Remove this mail from the quote? The mail itself stays.',
      byHand: 'linked by hand',
      mailToCustomer: 'Mail to customer',
    },
    errors: {
      quoteNotFound: 'The quote was not found (it may have been deleted).',
    },
  },
} as const;
