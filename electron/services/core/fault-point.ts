/**
 * Test-only crash points (AppCoreOptions.faultPoint): a crash test runs a real host in a child
 * process that kills itself at one of them (electron/hosts/fault-points.ts), not by timing luck.
 * A restore's steps; a backup's copy; an import's stages, numbered by the batch of this run
 * (`import:committed:3` is right after the third batch committed).
 */
export const RESTORE_FAULT_POINTS = ['restore:copied', 'restore:intent-written', 'restore:moved-aside', 'restore:moved-in', 'restore:reopened'] as const;
export type ImportFaultPoint = `import:${'content-stored' | 'committed' | 'contacts-committed'}:${number}`;
/** A POP3 pass's batches (mail/sync/pop3-sync.ts): content stored, or messages and UIDLs committed. */
export type Pop3FaultPoint = `pop3:${'content-stored' | 'committed'}:${number}`;
/** `quote:numbered`: a quote's number is committed and the quote is not yet saved. */
export type FaultPoint = (typeof RESTORE_FAULT_POINTS)[number] | 'backup:copied' | ImportFaultPoint | Pop3FaultPoint | 'quote:numbered';
