/** Duplicate detection (on create and on demand) and merging. */
export const duplicates = {
  duplicates: {
    title: 'Duplicates',
    intro: 'Customers that share an email address or a company domain, or have nearly the same name. Pick the customer to keep; merging moves everything of the others into it.',
    empty: 'No duplicates found.',
    groups_one: '{{count}} group of possible duplicates',
    groups_other: '{{count}} groups of possible duplicates',
    refresh: 'Check again',
    reason: {
      email: 'Same email: {{key}}',
      domain: 'Same company domain: {{key}}',
      name: 'Similar names: {{key}}',
    },
    reasonShort: {
      email: 'same email {{key}}',
      domain: 'same company domain {{key}}',
      name: 'similar name',
    },
    keep: 'Keep',
    include: 'Merge',
    columns: {
      code: 'Code',
      name: 'Customer',
      grade: 'Grade',
      owner: 'Salesperson',
      contact: 'Main contact',
      createdAt: 'Created',
      lastContact: 'Last contact',
    },
    never: 'Never',
    noOwner: 'No salesperson',
    merge: 'Merge into the kept customer',
    mergeNothing: 'Tick at least one other customer to merge.',
    confirm: {
      title: 'Merge into {{name}}?',
      body_one: '{{count}} customer ({{names}}) will be merged into {{name}} ({{code}}).',
      body_other: '{{count}} customers ({{names}}) will be merged into {{name}} ({{code}}).',
      keeps: 'Nothing is lost: every contact, timeline entry (calls, meetings, notes), tag and custom field value moves to {{name}}. Empty profile fields are filled in from the others, and differing values are written into its notes.',
      trash: 'The merged customers then appear in the trash.',
      ok: 'Merge',
    },
    merged: 'Merged into {{name}}.',
    warning: {
      title: 'This customer may already exist',
      open: 'Open',
    },
  },
} as const;
