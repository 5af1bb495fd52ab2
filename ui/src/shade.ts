// A sequential colour ramp for counts: square-root scaled so one busy province (the capital)
// does not wash out the rest.
const EMPTY = "#eceff3";
const LOW = [198, 219, 239];
const HIGH = [8, 69, 148];

export function shade(count: number, max: number): string {
  if (count <= 0 || max <= 0) return EMPTY;
  const t = Math.sqrt(Math.min(count, max) / max);
  const channel = (i: number) =>
    Math.round((LOW[i] as number) + ((HIGH[i] as number) - (LOW[i] as number)) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}
