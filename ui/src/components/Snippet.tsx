import { snippetParts } from "../text.js";

/** A search snippet with its matches marked; the text stays text. */
export function Snippet({ text }: { text: string }) {
  return (
    <p className="snippet">
      {snippetParts(text).map((part, i) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
        part.mark ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}
