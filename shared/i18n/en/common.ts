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
    quotes: 'Quotes',
    samples: 'Samples',
    products: 'Products',
    duplicates: 'Duplicates',
    trash: 'Trash',
    settings: 'Settings',
    /** What a count beside an entry (or a tab) counts, in full: its tooltip and its spoken name. */
    badges: {
      unreadMail_one: '{{count, number}} unread mail in the inboxes',
      unreadMail_other: '{{count, number}} unread mails in the inboxes',
      notContacted_one: '{{count, number}} customer overdue for contact',
      notContacted_other: '{{count, number}} customers overdue for contact',
      waitingForReply_one: '{{count, number}} customer waiting for our reply',
      waitingForReply_other: '{{count, number}} customers waiting for our reply',
      folderUnread_one: '{{count, number}} unread mail',
      folderUnread_other: '{{count, number}} unread mails',
    },
  },
} as const;
