/** Salespeople (owners) and transferring customers between them. */
export const owners = {
  owners: {
    transfer: {
      title_one: 'Transfer {{count}} customer',
      title_other: 'Transfer {{count}} customers',
      to: 'New salesperson',
      pick: 'Pick a salesperson',
      noOwner: 'No salesperson (unassigned)',
      inactive: '{{name}} (inactive)',
      ok: 'Transfer',
      done_one: '{{count}} customer transferred to {{name}}.',
      done_other: '{{count}} customers transferred to {{name}}.',
      nobody: 'nobody',
      required: 'Pick a salesperson, or "No salesperson".',
    },
  },
} as const;
