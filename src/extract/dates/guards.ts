/**
 * Context checks run after a regex match, on a bounded window (at most 40 characters) around
 * it, so they cost O(1) per candidate.
 */

const WINDOW = 40;
const SP = "[\\t \\u00a0\\u2007\\u202f]";

const before = (text: string, start: number): string =>
  text.slice(Math.max(0, start - WINDOW), start);
const after = (text: string, end: number): string => text.slice(end, end + WINDOW);

/** Currencies, IDs and codes that make a following four-digit number something other than a year. */
const NOT_YEAR_BEFORE = new RegExp(
  "(?:(?<![\\p{L}\\p{N}\\p{M}])(?:usd|vnd|vnđ|sgd|eur|jpy|cny|rmb|krw|thb|rs|rm|no|nos|nr|số|mã|code|id" +
    "|room|phòng|flight|route|highway|quốc lộ|ql|km|page|pages|trang|p|pp|tr|article|điều|khoản" +
    "|hotline|tel|phone|fax|đt|sđt|box|lot|lô|unit|block|model|version|ver|v|ref|item)\\.?" +
    `|[$€£¥₫#№]|\\p{N})${SP}{0,2}$`,
  "iu",
);

/** Units, currencies and numbers that make a preceding four-digit number a quantity or a code. */
const NOT_YEAR_AFTER = new RegExp(
  `^(?:${SP}{0,2}(?:%|‰|\\$|€|£|¥|₫)|${SP}{1,2}(?:\\p{N}|(?:tons?|tonnes?|t|kg|g|km|km2|m|m2|m3|ha` +
    "|hectares?|acres?|usd|vnd|vnđ|dollars?|đồng|dong|euros?|yuan|yen|won|baht|percent|per cent" +
    "|billion|million|thousand|trillion|bn|mn|tỷ|tỉ|triệu|nghìn|ngàn|tấn|người|hộ|chiếc|căn|mw|kw|gw" +
    "|kwh|mwh|gwh|hours|hrs|hr|h|gmt|utc|ict|mm|cm|ml|l|litres?|liters?|lít|meters?|metres?|mét" +
    "|kilometers?|kilometres?|feet|ft|miles?|votes?|seats?|times|lần|lượt|points?|điểm|units|cases" +
    "|ca|vehicles|cars|xe|shares|cổ phiếu)(?![\\p{L}\\p{N}\\p{M}])))",
  "iu",
);

/** False when a bare four-digit year (or span) looks like money, a quantity, an ID or part of a number. */
export function plausibleYear(text: string, start: number, end: number): boolean {
  return !NOT_YEAR_BEFORE.test(before(text, start)) && !NOT_YEAR_AFTER.test(after(text, end));
}

const BETWEEN = new RegExp(`(?<![\\p{L}\\p{M}])between${SP}{1,3}$`, "iu");

/** "and" joins a range only after "between" ("between May 8 and 11"). */
export function connectorOk(connector: string | undefined, text: string, start: number): boolean {
  if (connector === undefined) return true;
  return connector.trim().toLowerCase() !== "and" || BETWEEN.test(before(text, start));
}

const VI_CUE = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:sáng|chiều|tối|trưa|đêm|khuya|hôm|ngày)${SP}{1,3}$`,
  "iu",
);

/** A yearless numeric date ("12/5") needs a time-of-day cue before it ("Sáng 12/5", "hôm 12/5"). */
export function vietnameseCue(text: string, start: number): boolean {
  return VI_CUE.test(before(text, start));
}

const THE = new RegExp(`(?<![\\p{L}\\p{M}])the${SP}{1,3}$`, "iu");

/** "the last year", "the next month" are spans of time, not the calendar year or month. */
export function afterThe(text: string, start: number): boolean {
  return THE.test(before(text, start));
}

const VI_COUNT = new RegExp(
  "(?:(?<![\\p{L}\\p{M}])(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nhiều|mấy" +
    `|vài|các|những|bao|mỗi|hàng|từng|cả)|\\p{N})${SP}{0,3}$`,
  "iu",
);
const VI_THAT = new RegExp(`^${SP}{1,3}(?:đó|ấy|kia)(?![\\p{L}\\p{M}])`, "iu");

/**
 * "năm nay" is "this year", but "hai năm nay" is "these two years" and "năm sau đó" is "the
 * year after that": reject a count before and a narrative "đó"/"ấy" after.
 */
export function vietnameseRelativeOk(text: string, start: number, end: number): boolean {
  return !VI_COUNT.test(before(text, start)) && !VI_THAT.test(after(text, end));
}
