/** Words every screen uses, and the app shell (navigation). */
export const common = {
  common: {
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    edit: 'Edit',
    add: 'Add',
    remove: 'Remove',
    close: 'Close',
    retry: 'Try again',
    loading: 'Loading…',
    none: 'None',
  },
  nav: {
    label: 'Main navigation',
    customers: 'Customers',
    mail: 'Mail',
    notContacted: 'Not contacted',
    duplicates: 'Duplicates',
    trash: 'Trash',
    settings: 'Settings',
  },
} as const;
