import type { SearchQuery } from "../src/store/types.js";

/** Twenty typical searches, each with the LIKE patterns (all must match) that stand for it. */
export const QUERIES: { name: string; query: SearchQuery; like: string[] }[] = [
  { name: "place, diacritics", query: { q: "Đà Nẵng" }, like: ["%Đà Nẵng%"] },
  { name: "place, no diacritics", query: { q: "da nang" }, like: ["%da nang%"] },
  { name: "place, Vietnamese", query: { q: "Thừa Thiên Huế" }, like: ["%Thừa Thiên Huế%"] },
  { name: "place, ASCII", query: { q: "Quang Ninh" }, like: ["%Quang Ninh%"] },
  { name: "phrase", query: { q: '"offshore wind"' }, like: ["%offshore wind%"] },
  {
    name: "phrase, Vietnamese",
    query: { q: '"năng lượng tái tạo"' },
    like: ["%năng lượng tái tạo%"],
  },
  { name: "AND", query: { q: "rice AND exports" }, like: ["%rice%", "%exports%"] },
  { name: "OR", query: { q: "typhoon OR flooding" }, like: ["%typhoon%"] },
  { name: "NOT", query: { q: "coffee NOT pepper" }, like: ["%coffee%"] },
  { name: "prefix", query: { q: "touris*" }, like: ["%touris%"] },
  { name: "entity word", query: { q: "ASEAN" }, like: ["%ASEAN%"] },
  { name: "two words", query: { q: "solar farm investment" }, like: ["%solar farm%"] },
  { name: "rare word", query: { q: "mangrove" }, like: ["%mangrove%"] },
  {
    name: "q + province",
    query: { q: "expressway", province: "Quảng Ninh" },
    like: ["%expressway%", "%Quang Ninh%"],
  },
  {
    name: "q + new province",
    query: { q: "port", province2025: "Hải Phòng" },
    like: ["%port%", "%Hai Phong%"],
  },
  { name: "domain", query: { domain: "energy" }, like: ["%energy%"] },
  {
    name: "q + domain",
    query: { q: "investment", domain: "trade" },
    like: ["%investment%", "%trade%"],
  },
  {
    name: "entity filter",
    query: { entity: "org:asean", q: "summit" },
    like: ["%ASEAN%", "%summit%"],
  },
  {
    name: "q + language",
    query: { q: "hội nghị", language: "vi" },
    like: ["%hội nghị%"],
  },
  {
    name: "q + dates",
    query: { q: "Cần Thơ", from: "2023-01-01", to: "2023-12-31" },
    like: ["%Cần Thơ%", "%2023%"],
  },
  // Issue 12: word forms (the stems column), diacritics as typed (the marks column, texts with
  // the exact forms first), a typo in a name (nothing found, then the nearest name searched).
  { name: "word form", query: { q: "investing" }, like: ["%invest%"] },
  { name: "diacritics as typed", query: { q: "Hải Phòng" }, like: ["%Hải Phòng%"] },
  { name: "typo in a name", query: { q: "Quang Ngia" }, like: ["%Quang Ngai%"] },
];
