/** Mail archive readers (imports): how a record is named and what was wrong with it. */
export const mailSources = {
  mailSources: {
    label: {
      file: '{{file}}',
      mboxMessage: '{{file}}, message {{index}} at byte {{offset}}',
      pstItem: '{{file}}, folder {{folder}}, item {{index}}',
    },
    problems: {
      sourceUnreadable: '{{file}} could not be opened ({{reason}}). Check that it exists and that you may read it.',
      sourceUnrecognised: '{{file}} is not a mail archive TradeFolio knows (mbox, Maildir, .eml, .msg or .pst).',
      notMbox: '{{file}} is named like an mbox but does not start like one (no "From " line at the start). It may be another kind of file; nothing was read from it.',
      mboxTruncated: 'The last message of {{file}} (message {{index}}, at byte {{offset}}) stops before its end; the file was probably cut off while copying. Its {{bytes}} bytes were kept aside.',
      messageTooLarge: 'A message in {{file}} is {{bytes}} bytes, more than the limit of {{limit}} bytes; it was skipped.',
      notAMessage: '{{file}} is not a mail message (it is empty or has no header lines); it was skipped.',
      fileUnreadable: '{{file}} could not be read ({{reason}}); it was skipped.',
      notMailFile: '{{file}} is not a mail file; it was skipped.',
      msgUnreadable: 'The Outlook message {{file}} could not be read ({{reason}}); it was skipped.',
      pstUnreadable: 'The Outlook data file {{file}} could not be opened or read to the end ({{reason}}).',
      pstItemUnreadable: 'An item of the Outlook data file {{file}} could not be read ({{reason}}); it was skipped.',
      resumePositionStale: '{{file}} changed since the import stopped (the saved place, byte or item {{offset}}, no longer fits it); the rest of it was not read. Import it again from the start: messages already imported are recognised and skipped.',
    },
  },
} as const;
