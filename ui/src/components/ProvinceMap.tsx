import { useState } from "react";
import type { Level, ProvinceCount } from "../api.js";
import { ATTRIBUTION, FRAME, mapShapes } from "../geo.js";
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

const LEVELS: { level: Level; label: string; when: string }[] = [
  { level: "old", label: "63 provinces", when: "before 1 July 2025" },
  { level: "new", label: "34 provinces", when: "from 1 July 2025" },
];

/** How many of the busiest provinces carry a label without hovering. */
const LABELLED = 5;

/**
 * Viet Nam's provinces in longitude and latitude (d3-geo, Mercator), 63 or 34, shaded by how
 * many matching documents name each; the archipelagos in insets; labels for the busiest
 * provinces and for the one under the pointer or focus.
 */
export function ProvinceMap({
  level,
  counts,
  selected,
  onSelect,
  onLevel,
  unit = "document",
}: Props) {
  const [hovered, setHovered] = useState<string | null>(null);
  const { provinces, insets } = mapShapes(level);
  const byCode = new Map(counts.map((c) => [c.code, c]));
  const max = counts.reduce((m, c) => Math.max(m, c.count), 0);
  const busiest = new Set(
    [...counts]
      .filter((c) => c.count > 0)
      .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, LABELLED)
      .map((c) => c.code),
  );
  const labelled = provinces.filter(
    (p) => busiest.has(p.code) || p.code === hovered || p.code === selected,
  );
  const nameOf = new Map(provinces.map((p) => [p.code, p.nameVi]));
  const plural = (n: number) => `${n} ${unit}${n === 1 ? "" : "s"}`;
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
        viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
        role="img"
        aria-label={`Map of the ${level === "old" ? 63 : 34} provinces`}
      >
        {insets.map((inset) => (
          <g key={inset.name} className="inset" data-inset={inset.name}>
            <rect
              x={inset.frame[0]}
              y={inset.frame[1]}
              width={inset.frame[2]}
              height={inset.frame[3]}
            />
            <text x={inset.frame[0] + 6} y={inset.frame[1] + 14}>
              {`${inset.nameVi} (${nameOf.get(inset.province) ?? inset.province})`}
            </text>
          </g>
        ))}
        {provinces.map((p) => {
          const count = byCode.get(p.code)?.count ?? 0;
          return (
            // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>
            <path
              key={p.code}
              d={p.d}
              data-code={p.code}
              data-count={count}
              role="button"
              tabIndex={0}
              aria-label={`${p.nameVi}: ${plural(count)}`}
              className={p.code === selected ? "province selected" : "province"}
              fill={shade(count, max)}
              onClick={() => onSelect(p.code === selected ? null : p.code)}
              onMouseEnter={() => setHovered(p.code)}
              onMouseLeave={() => setHovered((h) => (h === p.code ? null : h))}
              onFocus={() => setHovered(p.code)}
              onBlur={() => setHovered((h) => (h === p.code ? null : h))}
              onKeyDown={(event) => {
                if (event.key === "Enter" || event.key === " ") {
                  event.preventDefault();
                  onSelect(p.code === selected ? null : p.code);
                }
              }}
            >
              <title>{`${p.nameVi}: ${plural(count)}`}</title>
            </path>
          );
        })}
        {provinces
          .filter((p) => p.insetD !== "")
          .map((p) => (
            <path key={`outline-${p.code}`} className="inset-outline" d={p.insetD} />
          ))}
        {labelled.map((p) => {
          const count = byCode.get(p.code)?.count ?? 0;
          return (
            <text
              key={p.code}
              className={p.code === hovered ? "map-label hovered" : "map-label"}
              data-label={p.code}
              x={p.label[0]}
              y={p.label[1]}
            >
              {count > 0 ? `${p.nameVi} ${count}` : p.nameVi}
            </text>
          );
        })}
      </svg>
      <figcaption>
        <span className="legend">
          <i style={{ background: shade(0, max) }} /> 0
          <i style={{ background: shade(Math.max(1, Math.round(max / 2)), max) }} />
          <i style={{ background: shade(max, max) }} /> {max}
        </span>
        <span className="attribution">{ATTRIBUTION}</span>
      </figcaption>
    </figure>
  );
}
