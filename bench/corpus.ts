/**
 * A fixed, generated benchmark corpus: news-like paragraphs in English and Vietnamese,
 * written here from our own templates, with place names from the gazetteer in every
 * spelling (diacritics, ASCII, run-together, all caps) and the traps (people named Vinh,
 * Ho Chi Minh the man, "hue" the colour), one in five a district or commune with its unit word.
 * The same seed gives the same bytes.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { defaultGazetteer, stripDiacritics } from "../dist/index.js";
import { placeNames, unitNames, withUnitWord } from "./names.js";

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
  const names = placeNames();
  const units = unitNames();
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
          // One name in five is a district or commune, most with a unit word.
          const name = () =>
            random() < 0.2 ? withUnitWord(spell(pick(units)), random) : spell(pick(names));
          sentences.push(template.replace(/\{P\}/g, name));
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

// --- News articles for the store benchmark -------------------------------------------------

const DATA = new URL("../data/", import.meta.url);
/** One column of a data file's rows (tab-separated, `#` comments). */
function column(file: string, index: number): string[] {
  return readFileSync(new URL(file, DATA), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.startsWith("#"))
    .map((line) => (line.split("\t")[index] ?? "").trim())
    .filter((v) => v !== "");
}

const EN_SUBJECTS = [
  "The Ministry of Industry and Trade",
  "The provincial People's Committee",
  "Local authorities",
  "The Ministry of Agriculture and Environment",
  "A group of investors",
  "The State Bank",
  "Vietnam Electricity",
  "Port operators",
  "The city's Department of Construction",
  "Researchers at the national university",
  "Hospital directors",
  "Tour operators",
  "Fishing cooperatives",
  "The transport ministry",
  "Small businesses",
  "The customs department",
];
const EN_VERBS = [
  "announced plans to",
  "agreed to",
  "pledged to",
  "is expected to",
  "began work to",
  "has been asked to",
  "will soon",
  "decided to",
  "proposed to",
  "is seeking funds to",
];
const EN_ACTIONS = [
  "build a {N}-km expressway linking {P} with {P}",
  "expand the container port at {P}",
  "invest {N} million USD in a solar farm in {P}",
  "upgrade irrigation canals across {P} before the dry season",
  "train {N} teachers in the mountain districts of {P}",
  "restore mangrove forests along the coast of {P}",
  "open a new terminal at the airport serving {P}",
  "raise coffee and pepper exports from {P}",
  "build {N} social housing units in {P}",
  "connect {P} to the national power grid through a new 500 kV line",
  "set up an innovation centre for start-ups in {P}",
  "relocate households living in landslide-prone areas of {P}",
  "reduce saltwater intrusion in the rice fields of {P}",
  "promote community tourism in the highlands of {P}",
  "finish the metro line in {P} by {Y}",
  "support shrimp farmers hit by disease in {P}",
  "develop an offshore wind project off the coast of {P}",
  "repair {N} schools damaged by the typhoon in {P}",
];
const EN_TAILS = [
  "officials said on {DAY}",
  "according to a statement released on {DAY}",
  "the agency reported",
  "a spokesperson told reporters",
  "local media reported",
  "according to the provincial statistics office",
  "in the first {N} months of the year",
  "despite rising costs of materials",
  "as part of a plan running until {Y}",
  "with support from {ORG}",
];
const EN_FREE = [
  "{PERSON} said the project would create about {N} jobs and ease traffic on national highway {N}.",
  "Delegates from {C} and {C} attended the conference in {P}, which focused on {T} and {T}.",
  "Last year, {P} recorded growth of {N}.{N} percent, driven by {T} and {T}.",
  "Residents of {P} said prices of rice, pork and vegetables had risen sharply after the storm.",
  "The delegation of {ORG} visited {P} and {P} to review cooperation on {T}.",
  "{PERSON} met the ambassador of {C} in {P} to discuss {T} and people-to-people exchanges.",
  "Heavy rain caused flooding in {N} communes of {P}, cutting roads to {P} for two days.",
  "Exports of seafood, cashew nuts and textiles to {C} rose {N} percent year on year.",
  "The festival in {P} drew about {N} visitors, many of them from {C} and {C}.",
  "Under the plan, {P} will spend {N} billion VND on {T} over the next {N} years.",
  "Experts warned that {T} remained a concern for farmers in {P} and neighbouring {P}.",
  "A memorandum on {T} was signed between {P} and a partner region of {C}.",
  "Students from {P} won {N} medals at the regional competition held in {C}.",
  "The new bridge over the river will cut travel time between {P} and {P} to {N} minutes.",
  "Customs officers in {P} seized {N} tonnes of smuggled sugar near the border with {C}.",
  "Doctors at the provincial hospital of {P} performed {N} operations with help from {C}.",
];
// Generic sentences, built from parts and the topic words: most of an article's vocabulary.
const EN_GENERIC_SUBJECTS = [
  "Officials",
  "Economists",
  "Delegates",
  "Experts",
  "Lawmakers",
  "Business leaders",
  "Local officials",
  "Provincial leaders",
  "Scientists",
  "Representatives of {ORG}",
  "Partners from {C}",
  "{PERSON}",
  "The working group",
  "Several ministries",
  "Two companies from {C}",
];
const EN_GENERIC_VERBS = [
  "discussed",
  "reviewed",
  "called for more",
  "stressed the need for",
  "pointed to progress in",
  "warned of delays in",
  "praised",
  "proposed new rules on",
  "sought investment in",
  "signed an agreement on",
  "presented a report on",
  "set targets for",
  "outlined plans for",
  "shared experience in",
  "agreed to cooperate on",
];
const EN_ADJECTIVES = [
  "sustainable",
  "regional",
  "bilateral",
  "long-term",
  "national",
  "cross-border",
  "green",
  "modern",
  "affordable",
  "local",
  "joint",
  "large-scale",
  "",
  "",
  "",
];
const EN_WHERE = [
  "in {P}",
  "in {P} province",
  "across the Mekong Delta",
  "in the Central Highlands",
  "in the northern mountains",
  "along the central coast",
  "at a meeting in {P}",
  "during a visit to {P}",
  "with partners in {C}",
  "",
];
const EN_TITLES = [
  "{P} speeds up work on {T} projects",
  "{C} and Viet Nam boost cooperation on {T}",
  "Floods disrupt traffic between {P} and {P}",
  "{P} attracts {N} million USD in new investment",
  "{ORG} delegation visits {P}",
  "Farmers in {P} turn to {T}",
  "{PERSON} calls for faster {T} reforms",
  "New expressway to link {P} and {P}",
];
const VI_SENTENCES = [
  "Ủy ban nhân dân tỉnh {P} vừa tổ chức hội nghị tổng kết công tác năm {Y} và triển khai nhiệm vụ mới.",
  "Đoàn công tác của {ORG} đã làm việc tại {P} và {P} về tình hình sản xuất nông nghiệp trong mùa mưa bão.",
  "Theo Sở Giao thông vận tải, tuyến đường nối {P} với {P} dài {N} km sẽ được nâng cấp trong năm tới.",
  "Các doanh nghiệp tại {P} đã xuất khẩu {N} nghìn tấn gạo, cà phê và hạt điều sang thị trường {C}.",
  "Người dân thành phố {P} đón chào năm mới với nhiều hoạt động văn hóa, thể thao đặc sắc.",
  "{PERSON} đề nghị các bộ, ngành đẩy nhanh tiến độ dự án điện gió ngoài khơi tại {P}.",
  "Mưa lớn kéo dài khiến {N} xã của {P} bị ngập sâu, giao thông đến {P} bị chia cắt.",
  "Tỉnh {P} thu hút {N} dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký {N} triệu USD.",
  "Bộ Tài chính cho biết các quy định mới về thuế sẽ có hiệu lực từ ngày 1/{M}/{Y}.",
  "Giá xăng dầu giảm nhẹ trong tuần qua, giúp giảm áp lực cho doanh nghiệp vận tải tại {P}.",
  "Ông {VNAME}, Giám đốc Sở Nông nghiệp {P}, cho biết năng suất lúa vụ này đạt {N} tạ mỗi héc-ta.",
  "Lễ hội tại {P} thu hút khoảng {N} nghìn lượt khách, trong đó có nhiều du khách đến từ {C}.",
  "Bệnh viện đa khoa tỉnh {P} đã tiếp nhận {N} bệnh nhân trong đợt nắng nóng vừa qua.",
  "Hai bên thống nhất tăng cường hợp tác về {TVI}, giáo dục và du lịch giữa {P} và các địa phương của {C}.",
  "Cảng {P} đón tàu container trọng tải {N} nghìn tấn, mở ra tuyến vận tải mới đến {C}.",
  "Học sinh {P} giành {N} huy chương tại kỳ thi Olympic khu vực tổ chức ở {C}.",
  "Theo Cục Thống kê, tăng trưởng kinh tế của {P} đạt {N},{N}% trong quý vừa qua.",
  "Hàng nghìn hộ dân ven biển {P} đã được di dời đến nơi an toàn trước khi bão đổ bộ.",
];
const VI_TITLES = [
  "{P} đẩy nhanh tiến độ các dự án giao thông trọng điểm",
  "Hợp tác giữa Việt Nam và {C} về {TVI}",
  "Mưa lũ gây chia cắt nhiều tuyến đường tại {P}",
  "{P} thu hút {N} triệu USD vốn đầu tư",
  "Nông dân {P} được mùa lúa",
  "Phát triển du lịch cộng đồng ở {P}",
];
const VI_TOPICS = [
  "năng lượng tái tạo",
  "thương mại",
  "đầu tư",
  "giáo dục",
  "y tế",
  "nông nghiệp",
  "du lịch",
  "chuyển đổi số",
  "quốc phòng",
  "môi trường",
];
const VI_NAMES = [
  "Nguyễn Văn Hùng",
  "Trần Thị Mai",
  "Lê Minh Tuấn",
  "Phạm Quốc Bảo",
  "Hoàng Thu Hà",
  "Đỗ Đức Thắng",
];
const STATEMENT_LINES = [
  "Both sides agreed to strengthen cooperation in {T} and {T}.",
  "The two sides reaffirmed the importance of maintaining peace, stability and freedom of navigation in the East Sea.",
  "Viet Nam and {C} agreed to promote investment in {T} in {P} and other localities.",
  "{C} expressed its support for Viet Nam's hosting of the {ORG} meeting in {P} in {Y}.",
  "The two leaders agreed to raise bilateral trade to {N} billion USD by {Y}.",
  "Both sides welcomed the opening of a direct flight between {P} and the capital of {C}.",
  "The two sides agreed not to use force or threaten to use force in their relations.",
];
const EN_DATELINES = ["HA NOI", "HANOI", "HO CHI MINH CITY", "DA NANG", "CAN THO", "HAI PHONG"];
const VI_DATELINES = ["Hà Nội", "TP Hồ Chí Minh", "Đà Nẵng", "Cần Thơ", "Hải Phòng"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * Writes `count` generated news articles, one text file each (`<dir>/NNN/NNNNNN.txt`, 1,000 a
 * folder): a title, a date line, a lede after the agency tag, then five to eight paragraphs, about
 * 1.5–3 KB. Two in three are English, one in three Vietnamese, one in twelve a joint statement.
 * They name several places (the provinces and the gazetteer's other places, in every spelling),
 * organisations, countries and people from data/entities, and the topic words of
 * data/lexicon/topics.tsv, with numbers, so the vocabulary varies as news does. Kept once made
 * (a `.complete` file marks it); the same seed gives the same files.
 */
export function generateNewsFolder(dir: string, count: number, seed = 20253): void {
  const complete = join(dir, ".complete");
  if (existsSync(complete)) return;
  const random = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const g = defaultGazetteer();
  // Provinces as news names them: a few (the big cities) often, most now and then (Zipf).
  const provinceNames = [...g.provinceByCode.values()].map((p) => p.nameVi);
  const big = ["Hà Nội", "Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Quảng Ninh"];
  const ranked = [...big, ...provinceNames.filter((n) => !big.includes(n))];
  const weights = ranked.map((_, i) => 1 / (i + 1) ** 0.9);
  const sum = weights.reduce((a, b) => a + b, 0);
  const province = (): string => {
    let r = random() * sum;
    for (let i = 0; i < ranked.length; i++) {
      r -= weights[i] as number;
      if (r <= 0) return ranked[i] as string;
    }
    return ranked[0] as string;
  };
  const places = g.places.flatMap((p) => p.names.map((n) => n.text));
  const orgs = column("entities/organisations.tsv", 1);
  const countries = column("entities/countries.tsv", 1);
  const people = column("entities/people.tsv", 1);
  const titles = column("entities/people.tsv", 2).map((t) => t.split("|")[0] as string);
  // English terms only: the Vietnamese ones go into Vietnamese sentences ({TVI}).
  const topics = column("lexicon/topics.tsv", 2).map((terms) =>
    terms
      .split("|")
      .map((t) => t.replace(/\*/g, ""))
      .filter((t) => /^[a-z0-9 -]+$/.test(t)),
  );
  const spell = (name: string): string => {
    const r = random();
    if (r < 0.55) return name;
    if (r < 0.85) return stripDiacritics(name);
    if (r < 0.93) return stripDiacritics(name).replace(/ /g, "");
    return name.toUpperCase();
  };
  const fill = (template: string, about: string[], domain: string[]) =>
    template.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case "P":
          // Mostly the places the article is about, as news keeps coming back to them.
          return spell(random() < 0.85 ? pick(about) : random() < 0.5 ? province() : pick(places));
        case "N":
          return String(2 + Math.floor(random() * (random() < 0.7 ? 30 : 900)));
        case "Y":
          return String(2025 + Math.floor(random() * 6));
        case "M":
          return String(1 + Math.floor(random() * 12));
        case "DAY":
          return pick(DAYS);
        case "ORG":
          return pick(orgs);
        case "C":
          return pick(countries);
        case "PERSON": {
          const i = Math.floor(random() * people.length);
          return `${titles[i] ?? ""} ${people[i]}`.trim();
        }
        case "T":
          return random() < 0.7 ? pick(domain) : pick(pick(topics));
        case "TVI":
          return pick(VI_TOPICS);
        case "VNAME":
          return pick(VI_NAMES);
        default:
          return slot;
      }
    });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    // A province the article is about, and one to four other places.
    const about = [province()];
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      about.push(random() < 0.6 ? province() : pick(places));
    }
    const domain = pick(topics);
    const kind = random();
    const vi = kind >= 0.62 && kind < 0.92;
    const statement = kind >= 0.92;
    const f = (t: string) => fill(t, about, domain);
    const year = 2019 + Math.floor(random() * 7);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const hour = 6 + Math.floor(random() * 15);
    const minute = String(Math.floor(random() * 60)).padStart(2, "0");
    const paragraphs: string[] = [];
    if (vi) {
      paragraphs.push(f(pick(VI_TITLES)));
      const weekday = pick(["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"]);
      paragraphs.push(`${weekday}, ${day}/${month}/${year} - ${hour}:${minute} (GMT+7)`);
      paragraphs.push(`${pick(VI_DATELINES)} (TTXVN) – ${f(pick(VI_SENTENCES))}`);
      const n = 5 + Math.floor(random() * 4);
      for (let p = 0; p < n; p++) {
        const s = 2 + Math.floor(random() * 3);
        paragraphs.push(Array.from({ length: s }, () => f(pick(VI_SENTENCES))).join(" "));
      }
    } else {
      paragraphs.push(
        statement
          ? `JOINT STATEMENT between Viet Nam and ${pick(countries)} on ${f("{T}")}`
          : f(pick(EN_TITLES)),
      );
      const month_ = MONTH_NAMES[month - 1] as string;
      const generic = () => {
        const adjective = pick(EN_ADJECTIVES);
        const what = `${adjective}${adjective ? " " : ""}${f("{T}")}`;
        const where = f(pick(EN_WHERE));
        const also = random() < 0.4 ? ` and ${f("{T}")}` : "";
        const text = `${f(pick(EN_GENERIC_SUBJECTS))} ${pick(EN_GENERIC_VERBS)} ${what}${also}${where ? ` ${where}` : ""}`;
        return `${text}${random() < 0.3 ? `, ${f(pick(EN_TAILS))}` : ""}.`;
      };
      const sentence = () => {
        const r = random();
        if (r < 0.1)
          return `${pick(EN_SUBJECTS)} ${pick(EN_VERBS)} ${f(pick(EN_ACTIONS))}, ${f(pick(EN_TAILS))}.`;
        if (r < 0.3) return f(pick(EN_FREE));
        return generic();
      };
      paragraphs.push(`${month_} ${day}, ${year} ${hour}:${minute} GMT+7`);
      paragraphs.push(
        `${pick(EN_DATELINES)} (VNA) – ${statement ? f(pick(STATEMENT_LINES)) : sentence()}`,
      );
      const n = 5 + Math.floor(random() * 4);
      for (let p = 0; p < n; p++) {
        const s = 2 + Math.floor(random() * 2);
        paragraphs.push(
          Array.from({ length: s }, () =>
            statement && random() < 0.6 ? f(pick(STATEMENT_LINES)) : sentence(),
          ).join(" "),
        );
      }
    }
    const folder = join(dir, String(Math.floor(i / 1000)).padStart(3, "0"));
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, `${String(i).padStart(6, "0")}.txt`),
      `${paragraphs.join("\n\n")}\n`,
    );
  }
  writeFileSync(complete, `${count}\n`);
}
