import { describe, expect, it } from 'vitest';
import { applyFlagChange, storeCommands } from '../../../../../../electron/services/mail/sync/message-flags.ts';

describe('message flags', () => {
  it('adds and removes \\Seen and \\Flagged, leaving other flags alone', () => {
    expect(applyFlagChange(['\\Answered'], { seen: true }).sort()).toEqual(['\\Answered', '\\Seen']);
    expect(applyFlagChange(['\\Seen', '\\Flagged', '$Forwarded'], { seen: false })).toEqual(['\\Flagged', '$Forwarded']);
    expect(applyFlagChange(['\\Seen'], { flagged: true, seen: undefined }).sort()).toEqual(['\\Flagged', '\\Seen']);
    expect(applyFlagChange(['\\Seen'], { seen: true })).toEqual(['\\Seen']);
  });

  it('sends one STORE per flag and direction, UIDs in order, nothing for unchanged flags', () => {
    expect(
      storeCommands([
        { uid: 9, seen: 1, flagged: null },
        { uid: 3, seen: 1, flagged: 0 },
        { uid: 5, seen: 0, flagged: 1 },
      ]),
    ).toEqual([
      { flag: '\\Seen', add: true, uids: [3, 9] },
      { flag: '\\Seen', add: false, uids: [5] },
      { flag: '\\Flagged', add: true, uids: [5] },
      { flag: '\\Flagged', add: false, uids: [3] },
    ]);
    expect(storeCommands([{ uid: 1, seen: null, flagged: null }])).toEqual([]);
  });
});
