import type { SnippetPart } from '@/lib/search/highlight';

/** Render text parts with the matched ones in <mark>; React escapes every part. */
export function Marked({ parts, testId }: { parts: SnippetPart[]; testId?: string }) {
  return (
    <>
      {parts.map((p, i) =>
        p.marked ? (
          <mark key={i} data-testid={testId}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
