import { describe, expect, it } from 'vitest';
import { TEMPLATE_PLACEHOLDERS } from '../../../../../../shared/domain/mail-template.ts';
import { insertAt, placeholderGroups, placeholderToken } from '../../../../../../renderer/src/features/mail/templates/template-helpers.ts';

describe('template editor helpers', () => {
  it('inserts a placeholder at the cursor, or over the selection, and puts the cursor after it', () => {
    const token = placeholderToken('contact.firstName');
    expect(token).toBe('{{contact.firstName}}');
    expect(insertAt('Dear ,', 5, 5, token)).toEqual({ value: 'Dear {{contact.firstName}},', caret: 5 + token.length });
    expect(insertAt('Dear NAME,', 5, 9, token)).toEqual({ value: 'Dear {{contact.firstName}},', caret: 5 + token.length });
    // A selection made backwards, and positions past the end, are taken in order and clamped.
    expect(insertAt('Hi X', 4, 3, '!')).toEqual({ value: 'Hi !', caret: 4 });
    expect(insertAt('Hi', 10, 10, '!')).toEqual({ value: 'Hi!', caret: 3 });
  });

  it('groups every placeholder exactly once', () => {
    const groups = placeholderGroups();
    expect(groups.map((g) => g.group)).toEqual(['contact', 'customer', 'account']);
    expect(groups.flatMap((g) => g.placeholders).sort()).toEqual([...TEMPLATE_PLACEHOLDERS].sort());
  });
});
