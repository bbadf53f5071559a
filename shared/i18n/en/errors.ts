/** Messages for errors and validation: the keys services and the contract return. */
export const errors = {
  errors: {
    validation: 'Some fields need attention.',
    notFound: 'The record was not found.',
    internal: 'Something went wrong: {{reason}}',
    unknownCall: 'Unknown request: {{key}}',
    unauthorized: 'This page is not authorised. Open the link printed by TradeFolio.',
    migrationFailed: 'The database {{file}} could not be upgraded (step {{migration}}): {{reason}}. Nothing was changed.',
  },
  validation: {
    required: '{{field}} is required.',
    tooLong: '{{field}} is longer than {{max}} characters.',
    tooSmall: '{{field}} must be at least {{min}}.',
    tooBig: '{{field}} must be at most {{max}}.',
    invalidType: '{{field}} has the wrong type.',
    invalidEmail: '{{field}} is not a valid email address.',
    invalidFormat: '{{field}} is not in the right format.',
    invalidChoice: '{{field}} is not one of the allowed choices.',
    invalid: '{{field}} is not valid.',
  },
} as const;
