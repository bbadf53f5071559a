/** A domain or address the user dismissed from New leads (newsletters, forwarders, spam). */
export interface LeadDismissalsTable {
  /** Lower-cased domain ("acme.com") or address ("news@acme.com"). */
  key: string;
  created_at: number;
}

/** Tables of migration 0003 (search, leads). */
export interface LeadTables {
  lead_dismissals: LeadDismissalsTable;
}
