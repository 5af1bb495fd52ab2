import { type FormEvent, useEffect, useRef, useState } from "react";
import { api, type SearchResult } from "../api.js";

interface Props {
  label: string;
  exclude?: string;
  onPick: (id: string) => void;
}

/** Finds a stored document by text (listing the latest ones to start with) and hands back its id. */
export function DocumentPicker({ label, exclude, onPick }: Props) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<SearchResult["results"] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Only the latest request's answer is shown: an earlier one arriving late is dropped.
  const latest = useRef(0);
  const find = (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    const request = ++latest.current;
    api.search(q.trim() ? { q: q.trim() } : {}, 0, 50).then(
      (result) =>
        request === latest.current && setHits(result.results.filter((h) => h.id !== exclude)),
      (e: unknown) =>
        request === latest.current && setError(e instanceof Error ? e.message : String(e)),
    );
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: list the latest documents once, on opening
  useEffect(() => find(), []);
  return (
    <form className="picker" onSubmit={find}>
      <label>
        {label}
        <input
          type="search"
          value={q}
          placeholder="statement, tuyên bố chung, Japan…"
          onChange={(event) => setQ(event.target.value)}
        />
      </label>
      <button type="submit">Find</button>
      {error ? <p className="status error">{error}</p> : null}
      {hits ? (
        <ul className="picker-hits">
          {hits.length === 0 ? <li className="status">No documents</li> : null}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" onClick={() => onPick(hit.id)} data-id={hit.id}>
                {hit.title ?? hit.source}
                {hit.published ? <small> · {hit.published.slice(0, 10)}</small> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
