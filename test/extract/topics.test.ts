import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createTopicTagger,
  parseTopics,
  type TopicHit,
  topicsOf,
} from "../../src/extract/topics/index.js";
import { DEFAULT_DATA_DIR, readDataFile } from "../../src/gazetteer/load.js";
import { foldKey, stripDiacritics } from "../../src/text/fold.js";

const source = readDataFile(DEFAULT_DATA_DIR, "lexicon/topics.tsv");
const { domains, problems } = parseTopics(source);
const terms = domains.flatMap((d) => d.terms.map((t) => ({ ...t, domain: d.id })));
const top = (text: string) => topicsOf(text)[0]?.domain;
const ids = (hits: TopicHit[]) => hits.map((h) => h.domain);

// Expected domains (the top one first, then others that must be found) ← sentence.
const table: [string, string][] = [
  ["maritime", "Both sides upheld freedom of navigation and overflight in the East Sea."],
  ["nuclear", "Rosatom will help build a nuclear science and technology centre."],
  ["oil-gas", "Vietsovpetro and Zarubezhneft expanded oil and gas exploration."],
  ["trade", "Bilateral trade turnover rose as exporters used the free trade agreement."],
  ["finance", "The central bank backed payments in national currencies and the MIR card."],
  ["defence", "Defence ministers discussed military-technical ties and joint exercises."],
  ["education", "Vietnamese students study at Russian universities on scholarships."],
  ["health", "Russia supplied vaccines against Covid-19 to Vietnamese hospitals."],
  ["culture", "A Russian culture festival drew tourists to the museum."],
  ["transport", "New direct flights and a railway link will ease freight and logistics."],
  ["multilateral", "They coordinate closely at the United Nations and ASEAN forums."],
  ["legal", "The treaty on extradition and mutual legal assistance was ratified."],
  ["political", "The Party General Secretary received a United Russia delegation."],
  ["agriculture trade", "Rice, coffee and seafood exports face food safety checks."],
  ["environment", "Climate change and greenhouse gas emissions threaten biodiversity."],
  ["digital", "They agreed on digital transformation, cybersecurity and AI research."],
  ["science", "Scientists at the Tropical Centre carry out joint research."],
  ["energy", "Renewable energy and offshore wind power will lift electricity supply."],
  ["maritime", "Hai bên khẳng định tự do hàng hải, hàng không ở Biển Đông theo UNCLOS."],
  ["oil-gas", "Hợp tác dầu khí là trụ cột, khai thác dầu thô và khí tự nhiên."],
  ["nuclear", "Nga hỗ trợ xây dựng trung tâm khoa học và công nghệ hạt nhân."],
  ["trade", "Kim ngạch thương mại song phương và vốn đầu tư tăng mạnh."],
  ["finance", "Thanh toán bằng đồng nội tệ và hệ thống ngân hàng được mở rộng."],
  ["defence", "Hợp tác quốc phòng, an ninh và kỹ thuật quân sự được tăng cường."],
  ["education", "Nhiều sinh viên nhận học bổng du học tại các trường đại học Nga."],
  ["health", "Bộ Y tế tiếp nhận vắc xin và trang thiết bị y tế cho bệnh viện."],
  ["culture", "Lễ hội văn hóa thu hút du khách, du lịch phục hồi."],
  ["transport", "Tuyến đường sắt và sân bay mới giúp vận tải hàng hóa thuận lợi."],
  ["political", "Tổng Bí thư hội đàm với đảng Nước Nga Thống nhất, ra tuyên bố chung."],
  ["environment", "Biến đổi khí hậu, thiên tai và ô nhiễm môi trường là thách thức chung."],
  ["digital", "Chuyển đổi số, an ninh mạng và trí tuệ nhân tạo là ưu tiên."],
  ["agriculture", "Nông nghiệp, thủy sản và an ninh lương thực cần được bảo đảm."],
  ["legal", "Dẫn độ, tương trợ tư pháp và phòng chống tội phạm xuyên quốc gia."],
  // Without diacritics.
  ["maritime oil-gas nuclear", "Hop tac dau khi, nang luong hat nhan, tu do hang hai o Bien Dong."],
  ["trade", "Kim ngach thuong mai va dau tu tang manh."],
];

describe("topicsOf: table", () => {
  it.each(table)("%s ← %s", (expected, sentence) => {
    const [first, ...others] = expected.split(" ");
    const hits = topicsOf(sentence);
    expect(hits[0]?.domain).toBe(first);
    for (const d of others) expect(ids(hits)).toContain(d);
  });

  it("keeps diacritics apart when the text has them", () => {
    expect(topicsOf("Giá vàng biến động mạnh trong tuần.")).toEqual([]);
    expect(topicsOf("Bàn về tình hình, không quan trọng.")).toEqual([]);
    expect(top("Tranh chấp ở biển Đông")).toBe("maritime");
    expect(top("Tranh chấp ở bien dong")).toBe("maritime");
  });

  it("never matches inside a word", () => {
    expect(topicsOf("He paid a courtesy call amid the turmoil of the storming crowd.")).toEqual([]);
    expect(ids(topicsOf("The trademarks case"))).toEqual(["legal"]);
    expect(ids(topicsOf("Gaslighting and oilcloth"))).toEqual([]);
  });

  it("lets the longest phrase win and explains each tag", () => {
    expect(ids(topicsOf("The trade union met."))).toEqual(["political"]);
    expect(ids(topicsOf("an investigation"))).toEqual(["legal"]);
    const text = "an ninh mạng, an ninh lương thực và an ninh";
    expect(ids(topicsOf(text)).sort()).toEqual(["agriculture", "defence", "digital"]);
    const [hit] = topicsOf("Investors and investment, investment again.");
    expect(hit).toMatchObject({ domain: "trade", score: 4 });
    expect(hit?.terms.map((t) => t.text)).toEqual(["invest*", "invest*", "invest*"]);
  });

  it("reads NFC and NFD alike and tags only the slice asked for", () => {
    const text = "Hợp tác dầu khí và điện hạt nhân ở Biển Đông.";
    const strip = (hits: TopicHit[]) => hits.map((h) => [h.domain, h.score]);
    expect(strip(topicsOf(text.normalize("NFD")))).toEqual(strip(topicsOf(text)));
    const at = text.indexOf("điện");
    const hits = topicsOf(text, at, at + "điện hạt nhân".length);
    expect(hits).toEqual([
      {
        domain: "nuclear",
        label: "Nuclear",
        score: 2,
        terms: [{ text: "điện hạt nhân", start: at, end: at + 13 }],
      },
    ]);
  });
});

describe("topicsOf: properties", () => {
  const words = fc.constantFrom(...terms.slice(0, 400).map((t) => t.text.replace(/\*$/, "s")));
  const filler = fc.constantFrom("the", "và", "of", ",", ".", "-", "\n", "Đ", "x", "́", "🙂");
  const texty = fc
    .array(fc.oneof(words, filler, fc.string({ maxLength: 4 })), { maxLength: 25 })
    .chain((parts) => fc.constantFrom(" ", "", " - ").map((sep) => parts.join(sep)));

  it("never throws, and is deterministic, on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), texty), (s) => {
        expect(topicsOf(s)).toEqual(topicsOf(s));
      }),
    );
  });

  it("scores each domain by its hits plus its distinct terms, best first, then by id", () => {
    fc.assert(
      fc.property(texty, texty, (s, other) => {
        const hits = topicsOf(s);
        // A call in between leaves nothing behind for the next one.
        topicsOf(other);
        expect(topicsOf(s)).toEqual(hits);
        for (const hit of hits) {
          expect(hit.score).toBe(hit.terms.length + new Set(hit.terms.map((t) => t.text)).size);
          const starts = hit.terms.map((t) => t.start);
          expect(starts).toEqual([...starts].sort((a, b) => a - b));
        }
        const order = hits.map((h) => [-h.score, h.domain] as const);
        const sorted = [...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
        expect(order).toEqual(sorted);
      }),
    );
  });

  it("gives spans that fold to their term, inside the slice", () => {
    fc.assert(
      fc.property(texty, fc.nat(), fc.nat(), (s, a, b) => {
        const start = a % (s.length + 1);
        const end = start + (b % (s.length - start + 1));
        for (const hit of topicsOf(s, start, end)) {
          expect(hit.score).toBeGreaterThan(hit.terms.length);
          for (const t of hit.terms) {
            expect(t.start).toBeGreaterThanOrEqual(start);
            expect(t.end).toBeLessThanOrEqual(end);
            const folded = foldKey(s.slice(t.start, t.end));
            const key = foldKey(t.text.replace(/\*$/, ""));
            if (t.text.endsWith("*")) expect(folded.startsWith(key)).toBe(true);
            else expect(folded).toBe(key);
          }
        }
      }),
    );
  });
});

describe("topics.tsv", () => {
  it("parses without problems: no malformed term, no term in two domains", () => {
    expect(problems).toEqual([]);
  });

  it("has the 18 domains, each with 20 to 80 terms", () => {
    const expected =
      "agriculture culture defence digital education energy environment finance health";
    expect(domains.map((d) => d.id).sort()).toEqual(
      `${expected} legal maritime multilateral nuclear oil-gas political science trade transport`.split(
        " ",
      ),
    );
    for (const d of domains) {
      expect(d.terms.length, d.id).toBeGreaterThanOrEqual(20);
      expect(d.terms.length, d.id).toBeLessThanOrEqual(80);
    }
  });

  it("matches every term to its own domain, with and without diacritics", () => {
    for (const t of terms) {
      const text = t.text.replace(/\*$/, "");
      for (const form of [text, stripDiacritics(text), text.toUpperCase()]) {
        expect(topicsOf(form), form).toMatchObject([
          { domain: t.domain, terms: [{ start: 0, end: form.length }] },
        ]);
      }
    }
  });

  it("rejects a bad table", () => {
    expect(() => createTopicTagger("a\tA\toil|oil")).toThrow(/already a term/);
    expect(() => createTopicTagger("a\tA\tOil")).toThrow(/bad term/);
    expect(() => createTopicTagger("a\tA")).toThrow(/expected/);
    expect(createTopicTagger("x\tX\tpeace*|đà lạt").tag("Peaceful Da Lat")).toHaveLength(1);
  });
});
