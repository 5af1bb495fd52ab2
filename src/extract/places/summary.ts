import type { PlaceMention, ProvinceRef } from "./types.js";

export interface ProvinceCount extends ProvinceRef {
  count: number;
}

/** Mentions counted per province (old 63 or new 34), most mentioned first, then by code. */
export function countProvinces(mentions: PlaceMention[], level: "old" | "new"): ProvinceCount[] {
  const counts = new Map<string, ProvinceCount>();
  for (const m of mentions) {
    const p = level === "old" ? m.province : m.province2025;
    const entry = counts.get(p.code);
    if (entry) entry.count++;
    else counts.set(p.code, { ...p, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || compareCodes(a.code, b.code));
}

/**
 * localeCompare, without its collator (10 ms to set up in each process) for codes of digits
 * alone and of one length, as every validated code is: those it orders as plain strings.
 */
function compareCodes(a: string, b: string): number {
  if (a.length !== b.length || !digitsOnly(a) || !digitsOnly(b)) return a.localeCompare(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A loop, not /^\d+$/: the sort asks twice per comparison, for every document analysed. */
function digitsOnly(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
