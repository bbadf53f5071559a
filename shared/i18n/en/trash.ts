/** Soft-deleted customers and restoring them. */
export const trash = {
  trash: {
    title: 'Trash',
    intro: 'Deleted customers stay here with their contacts and timeline until you restore them. Customers merged into another one are listed too.',
    empty: 'The trash is empty.',
    restore: 'Restore',
    restoreSelected_one: 'Restore {{count}} customer',
    restoreSelected_other: 'Restore {{count}} customers',
    restored_one: '{{count}} customer restored.',
    restored_other: '{{count}} customers restored.',
    total_one: '{{count}} deleted customer',
    total_other: '{{count}} deleted customers',
    columns: {
      code: 'Code',
      name: 'Customer',
      grade: 'Grade',
      owner: 'Salesperson',
      contact: 'Main contact',
      deletedAt: 'Deleted',
    },
    noOwner: 'No salesperson',
  },
} as const;
