import { isBlank, type Line } from "./lines.js";

/**
 * Step 8: blank lines at the start and end go, and a run of blank lines inside shrinks to one,
 * so removing chrome leaves no holes. Runs last: it sees what the other steps kept.
 */
export function removeExtraBlankLines(lines: Line[]): void {
  const live = lines.filter((l) => l.removed === null);
  const firstText = live.findIndex((l) => !isBlank(l));
  if (firstText < 0) {
    for (const l of live) l.removed = "blank lines";
    return;
  }
  let lastText = live.length - 1;
  while (lastText > 0 && isBlank(live[lastText] as Line)) lastText--;
  live.forEach((l, i) => {
    if (!isBlank(l)) return;
    if (i < firstText) l.removed = "blank lines at the start";
    else if (i > lastText) l.removed = "blank lines at the end";
    else if (isBlank(live[i - 1] as Line)) l.removed = "extra blank lines";
  });
}
