/**
 * A fixed, generated benchmark corpus: news-like paragraphs in English and Vietnamese,
 * written here from our own templates, with place names from the gazetteer in every
 * spelling (diacritics, ASCII, run-together, all caps) and the traps (people named Vinh,
 * Ho Chi Minh the man, "hue" the colour). The same seed gives the same bytes.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname } from "node:path";
import { defaultGazetteer, stripDiacritics } from "../src/index.js";

/** mulberry32: a small seeded PRNG, so every run builds the same corpus. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN = [
  "Authorities in {P} said on Monday that the new bridge would open to traffic before the end of the year.",
  "The delegation travelled from {P} to {P} to inspect the flood defences along the coast.",
  "Ambassador Pham Quang Vinh told reporters the talks had been constructive and frank.",
  "Farmers in {P} province expect a strong harvest despite a warm hue in the autumn sky.",
  "President Ho Chi Minh read the Declaration of Independence in 1945, a date every pupil knows.",
  "Investment into {P} rose by a fifth, according to the provincial statistics office.",
  "The festival drew visitors from {P}, {P} and abroad, organisers said in a statement.",
  "Mr Nguyen Van Hai, a resident, said the road to the market had been repaired quickly.",
  "Exports of rice, coffee and seafood continued to grow in the first quarter of the year.",
  "Tourists who visit {P} often continue to {P} by train or by the coastal highway.",
];
// Sentences with no place: most sentences of real news name none.
const EN_PLAIN = [
  "The ministry said the new rules would take effect next month after a period of consultation.",
  "Prices of fuel fell slightly this week, easing pressure on transport companies and households.",
  "Pham Minh Tuan, a teacher, said pupils had returned to class in good spirits after the holiday.",
  "Analysts expect growth to remain strong as exports of electronics and textiles keep rising.",
  "The committee will meet again in December to review progress on the programme.",
];
const VI_PLAIN = [
  "Bộ Tài chính cho biết các quy định mới sẽ có hiệu lực từ tháng sau.",
  "Giá xăng dầu giảm nhẹ trong tuần qua, giúp giảm áp lực cho doanh nghiệp vận tải.",
  "Ông Nguyễn Văn Minh cho biết học sinh đã trở lại trường sau kỳ nghỉ lễ.",
];
const VI = [
  "Ủy ban nhân dân tỉnh {P} vừa tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ mới.",
  "Đoàn công tác đã làm việc tại {P} và {P} về tình hình sản xuất nông nghiệp trong mùa mưa bão.",
  "Người dân thành phố {P} đón chào năm mới với nhiều hoạt động văn hóa đặc sắc.",
  "Theo Sở Giao thông vận tải, tuyến đường nối {P} với {P} sẽ được nâng cấp trong năm tới.",
  "Chủ tịch Hồ Chí Minh luôn mong muốn đất nước hòa bình, độc lập và phát triển.",
  "Các doanh nghiệp tại {P} đã xuất khẩu nhiều mặt hàng nông sản sang thị trường châu Âu.",
];

export function generateCorpus(path: string, targetBytes: number, seed = 20252): void {
  if (existsSync(path) && statSync(path).size >= targetBytes) return;
  mkdirSync(dirname(path), { recursive: true });
  const random = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const names = defaultGazetteer().places.flatMap((p) => p.names.map((n) => n.text));
  const spell = (name: string): string => {
    const r = random();
    if (r < 0.45) return name;
    if (r < 0.75) return stripDiacritics(name);
    if (r < 0.85) return stripDiacritics(name).replace(/ /g, "");
    if (r < 0.9) return name.toUpperCase();
    return name.replace(/ /g, " - ");
  };
  const tmp = `${path}.part`;
  const fd = openSync(tmp, "w");
  let written = 0;
  try {
    while (written < targetBytes) {
      const lines: string[] = [];
      for (let i = 0; i < 2000; i++) {
        const sentences: string[] = [];
        const count = 2 + Math.floor(random() * 5);
        for (let s = 0; s < count; s++) {
          const en = random() < 0.65;
          const template = random() < 0.5 ? pick(en ? EN : VI) : pick(en ? EN_PLAIN : VI_PLAIN);
          sentences.push(template.replace(/\{P\}/g, () => spell(pick(names))));
        }
        lines.push(sentences.join(" "));
      }
      const block = Buffer.from(`${lines.join("\n\n")}\n\n`, "utf8");
      writeSync(fd, block);
      written += block.length;
    }
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
