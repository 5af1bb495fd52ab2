import boundaries from "../../../data/boundaries/vietnam-provinces.json";
import type { Level, ProvinceCount } from "../api.js";
import { shade } from "../shade.js";

interface Props {
  level: Level;
  counts: ProvinceCount[];
  selected: string | undefined;
  onSelect: (code: string | null) => void;
  onLevel: (level: Level) => void;
  /** What the counts count: documents of a search, or mentions in one document. */
  unit?: "document" | "mention";
}

const shapes = boundaries as unknown as {
  viewBox: string;
  attribution: string;
  old: Record<string, string>;
  new: Record<string, string>;
};

const LEVELS: { level: Level; label: string; when: string }[] = [
  { level: "old", label: "63 provinces", when: "before 1 July 2025" },
  { level: "new", label: "34 provinces", when: "from 1 July 2025" },
];

/** Vietnam's provinces as SVG, 63 or 34, shaded by how many matching documents name each. */
export function ProvinceMap({
  level,
  counts,
  selected,
  onSelect,
  onLevel,
  unit = "document",
}: Props) {
  const byCode = new Map(counts.map((c) => [c.code, c]));
  const max = counts.reduce((m, c) => Math.max(m, c.count), 0);
  const paths = Object.entries(shapes[level]);
  return (
    <figure className="map" aria-label="Province map">
      <div className="map-toolbar">
        {LEVELS.map((l) => (
          <button
            key={l.level}
            type="button"
            className={level === l.level ? "on" : ""}
            aria-pressed={level === l.level}
            onClick={() => onLevel(l.level)}
          >
            {l.label}
            <small>{l.when}</small>
          </button>
        ))}
      </div>
      <svg
        viewBox={shapes.viewBox}
        role="img"
        aria-label={`Map of the ${level === "old" ? 63 : 34} provinces`}
      >
        {paths.map(([code, d]) => {
          const count = byCode.get(code)?.count ?? 0;
          const name = byCode.get(code)?.nameVi ?? code;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
            <path
              key={code}
              d={d}
              data-code={code}
              data-count={count}
              role="button"
              tabIndex={0}
              aria-label={`${name}: ${count} ${unit}s`}
              className={code === selected ? "province selected" : "province"}
              fill={shade(count, max)}
              onClick={() => onSelect(code === selected ? null : code)}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onSelect(code === selected ? null : code);
                }
              }}
            >
              <title>{`${name}: ${count} ${unit}${count === 1 ? "" : "s"}`}</title>
            </path>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend">
          <i style={{ background: shade(0, max) }} /> 0
          <i style={{ background: shade(Math.max(1, Math.round(max / 2)), max) }} />
          <i style={{ background: shade(max, max) }} /> {max}
        </span>
        <span className="attribution">{shapes.attribution}</span>
      </figcaption>
    </figure>
  );
}
