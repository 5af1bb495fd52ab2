import { type Segment, type Span, segment } from "../text.js";

/** The document's text with spans marked; every piece is a React text node, never markup. */
export function HighlightedText({
  text,
  spans,
  className = "doc-text",
}: {
  text: string;
  spans: Span[];
  className?: string;
}) {
  const segments: Segment[] = segment(text, spans);
  return (
    <div className={className}>
      {segments.map((s) =>
        s.span ? (
          <mark
            key={s.start}
            className={`hl ${s.span.kind}`}
            title={s.span.title}
            data-kind={s.span.kind}
          >
            {s.text}
          </mark>
        ) : (
          <span key={s.start}>{s.text}</span>
        ),
      )}
    </div>
  );
}
