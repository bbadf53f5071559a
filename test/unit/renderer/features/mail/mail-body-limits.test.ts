import { describe, expect, it } from 'vitest';
import { pieceEnd, plainPieces, safeCut } from '../../../../../renderer/src/features/mail/mail-body-limits.ts';

describe('safeCut', () => {
  it('never splits a surrogate pair, and stays within the text', () => {
    const text = 'ab😀cd'; // 😀 is two UTF-16 units, at 2 and 3
    expect(safeCut(text, 3)).toBe(2);
    expect(safeCut(text, 4)).toBe(4);
    expect(safeCut(text, 2)).toBe(2);
    expect(safeCut(text, 99)).toBe(text.length);
    expect(safeCut(text, -1)).toBe(0);
  });
});

describe('plainPieces', () => {
  it('gives short text back whole', () => {
    expect(plainPieces('Dear Anna,\nthanks.', 100)).toEqual(['Dear Anna,\nthanks.']);
  });

  it('cuts an overlong line at the piece size, and the pieces join to the text again', () => {
    const line = 'x'.repeat(250);
    const pieces = plainPieces(line, 100);
    expect(pieces.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(pieces.join('')).toBe(line);
  });

  it('ends a piece with a line break near its end, keeping lines whole', () => {
    const text = `${'a'.repeat(90)}\n${'b'.repeat(60)}\n${'c'.repeat(20)}`;
    const pieces = plainPieces(text, 100);
    expect(pieces[0]).toBe(`${'a'.repeat(90)}\n`);
    expect(pieces.join('')).toBe(text);
    // A break early in the piece is not worth a short piece: the line is cut at the size instead.
    const early = `${'a'.repeat(10)}\n${'b'.repeat(200)}`;
    expect(plainPieces(early, 100)[0]).toHaveLength(100);
  });

  it('else ends a piece after a space near its end, where the line could wrap anyway', () => {
    const words = `${'w'.repeat(80)} ${'v'.repeat(80)}`;
    expect(pieceEnd(words, 0, 100)).toBe(81);
    expect(plainPieces(words, 100)).toEqual([`${'w'.repeat(80)} `, 'v'.repeat(80)]);
    // A line break near the end wins over a later space.
    const both = `${'a'.repeat(80)}\n${'b'.repeat(10)} ${'c'.repeat(50)}`;
    expect(pieceEnd(both, 0, 100)).toBe(81);
  });

  it('does not split a surrogate pair at a piece boundary', () => {
    const text = `${'a'.repeat(99)}😀${'b'.repeat(10)}`;
    const pieces = plainPieces(text, 100);
    expect(pieces[0]).toBe('a'.repeat(99));
    expect(pieces.join('')).toBe(text);
  });
});
