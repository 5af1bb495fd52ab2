/**
 * Context checks run after a regex match: sticky regexes tried at one position only, looking
 * back (lookbehind) or ahead a bounded number of characters, so each costs O(1).
 */

const SP = "[\\t \\u00a0\\u2007\\u202f]";

/** A check of what comes just before a position: `source` must match ending there. */
const behind = (source: string): RegExp => new RegExp(`(?<=${source})`, "iuy");
/** A check of what comes just after a position. */
const ahead = (source: string): RegExp => new RegExp(source, "iuy");

function test(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Currencies, IDs and codes that make a following four-digit number something other than a year. */
const NOT_YEAR_BEFORE = behind(
  "(?:(?<![\\p{L}\\p{N}\\p{M}])(?:usd|vnd|vnđ|sgd|eur|jpy|cny|rmb|krw|thb|rs|rm|no|nos|nr|số|mã|code|id" +
    "|room|phòng|flight|route|highway|quốc lộ|ql|km|page|pages|trang|p|pp|tr|article|điều|khoản" +
    "|hotline|tel|phone|fax|đt|sđt|box|lot|lô|unit|block|model|version|ver|v|ref|item)\\.?" +
    `|[$€£¥₫#№]|\\p{N})${SP}{0,2}`,
);

/** Units, currencies and numbers that make a preceding four-digit number a quantity or a code. */
const NOT_YEAR_AFTER = ahead(
  `(?:${SP}{0,2}(?:%|‰|\\$|€|£|¥|₫)|${SP}{1,2}(?:\\p{N}|(?:tons?|tonnes?|t|kg|g|km|km2|m|m2|m3|ha` +
    "|hectares?|acres?|usd|vnd|vnđ|dollars?|đồng|dong|euros?|yuan|yen|won|baht|percent|per cent" +
    "|billion|million|thousand|trillion|bn|mn|tỷ|tỉ|triệu|nghìn|ngàn|tấn|người|hộ|chiếc|căn|mw|kw|gw" +
    "|kwh|mwh|gwh|hours|hrs|hr|h|gmt|utc|ict|mm|cm|ml|l|litres?|liters?|lít|meters?|metres?|mét" +
    "|kilometers?|kilometres?|feet|ft|miles?|votes?|seats?|times|lần|lượt|points?|điểm|units|cases" +
    "|ca|vehicles|cars|xe|shares|cổ phiếu)(?![\\p{L}\\p{N}\\p{M}])))",
);

/** False when a bare four-digit year (or span) looks like money, a quantity, an ID or part of a number. */
export function plausibleYear(text: string, start: number, end: number): boolean {
  return !test(NOT_YEAR_BEFORE, text, start) && !test(NOT_YEAR_AFTER, text, end);
}

const BETWEEN = behind(`(?<![\\p{L}\\p{M}])between${SP}{1,3}`);

/** "and" joins a range only after "between" ("between May 8 and 11"). */
export function connectorOk(connector: string | undefined, text: string, start: number): boolean {
  if (connector === undefined) return true;
  return connector.trim().toLowerCase() !== "and" || test(BETWEEN, text, start);
}

const VI_CUE = behind(`(?<![\\p{L}\\p{M}])(?:sáng|chiều|tối|trưa|đêm|khuya|hôm|ngày)${SP}{1,3}`);

/** A yearless numeric date ("12/5") needs a time-of-day cue before it ("Sáng 12/5", "hôm 12/5"). */
export function vietnameseCue(text: string, start: number): boolean {
  return test(VI_CUE, text, start);
}

const THE = behind(`(?<![\\p{L}\\p{M}])the${SP}{1,3}`);

/** "the last year", "the next month" are spans of time, not the calendar year or month. */
export function afterThe(text: string, start: number): boolean {
  return test(THE, text, start);
}

const VI_COUNT = behind(
  "(?:(?<![\\p{L}\\p{M}])(?:một|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín|mười|mươi|trăm|nhiều|mấy" +
    `|vài|các|những|bao|mỗi|hàng|từng|cả)|\\p{N})${SP}{0,3}`,
);
const VI_THAT = ahead(`${SP}{1,3}(?:đó|ấy|kia)(?![\\p{L}\\p{M}])`);

/**
 * "năm nay" is "this year", but "hai năm nay" is "these two years" and "năm sau đó" is "the
 * year after that": reject a count before and a narrative "đó"/"ấy" after.
 */
export function vietnameseRelativeOk(text: string, start: number, end: number): boolean {
  return !test(VI_COUNT, text, start) && !test(VI_THAT, text, end);
}
