import { useMemo } from 'react';
import { FIRST_VIEW_TEXT_CHARS, plainPieces, safeCut } from './mail-body-limits.ts';

/** Whether the first view of a plain-text body leaves part of it out. */
export function plainTextTruncated(text: string): boolean {
  return text.length > FIRST_VIEW_TEXT_CHARS;
}

/**
 * A plain-text body as it was written (line breaks kept, nothing linkified). The first view
 * holds at most FIRST_VIEW_TEXT_CHARS; either view is laid out in pieces the browser skips while
 * they are off screen (content-visibility in mail.css), so even the whole of a megabyte on one
 * line opens without holding the page. Joined, the pieces' text is the body's.
 */
export function PlainMailText({ text, whole }: { text: string; whole: boolean }) {
  const pieces = useMemo(() => plainPieces(whole ? text : text.slice(0, safeCut(text, FIRST_VIEW_TEXT_CHARS))), [text, whole]);
  return (
    <div className="mail-plain" data-testid="mail-plain" data-whole={whole || !plainTextTruncated(text) ? 'true' : 'false'}>
      {pieces.map((piece, i) => (
        // The pieces of one text never move, so their place is their identity.
        <div key={i} className="mail-plain-piece">
          {piece}
        </div>
      ))}
    </div>
  );
}
