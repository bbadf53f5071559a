import { useMemo } from 'react';
import type { TextParts } from '../../../../shared/contract/search.contract.ts';
import { highlight } from '../../../../shared/domain/search-highlight.ts';
import { queryTerms } from '../../../../shared/domain/search-text.ts';

/** Text with the matched parts in <mark>; rendered as React text, so nothing in it is ever HTML. */
export function HighlightedText({ parts, testId }: { parts: TextParts; testId?: string }) {
  return (
    <span data-testid={testId}>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}

/** A name or address marked with the same rules the server uses for mail hits. */
export function Highlighted({ text, query, testId }: { text: string; query: string; testId?: string }) {
  const parts = useMemo(() => highlight(text, queryTerms(query)), [text, query]);
  return <HighlightedText parts={parts} {...(testId ? { testId } : {})} />;
}
