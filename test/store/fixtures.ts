import { analyze, type Document, ingest } from "../../src/index.js";
import type { StoredDocument } from "../../src/store/types.js";

function make(text: string, source: string, published: string | null): StoredDocument {
  const document: Document = { ...ingest(text, { source }), published };
  return { document, analysis: analyze(document) };
}

/** Five small documents: English and Vietnamese, Đà Nẵng, Hà Nội, Quảng Nam, Quảng Ninh. */
export function sampleDocuments(): StoredDocument[] {
  return [
    make(
      "Da Nang (VNA) – ASEAN energy ministers met in Da Nang on May 8, 2025 to discuss renewable energy, power grids and LNG investment.",
      "news/danang-en.txt",
      "2025-05-08T09:00:00+07:00",
    ),
    make(
      "Đà Nẵng (TTXVN) – Các bộ trưởng năng lượng ASEAN họp tại Đà Nẵng ngày 8/5/2025 về điện gió và năng lượng tái tạo.",
      "news/danang-vi.txt",
      "2025-05-09",
    ),
    make(
      "Hanoi (VGP) – Prime Minister met the Japanese ambassador in Hà Nội on Monday to discuss trade and investment. Vietnam and Japan agreed to boost rice exports.",
      "news/hanoi.txt",
      "2025-06-02T10:00:00+07:00",
    ),
    make(
      "Tourists flocked to Hoi An ancient town in Quang Nam province this summer, while hotels in Tam Ky reported record bookings.",
      "news/hoian.txt",
      null,
    ),
    make(
      "JOINT STATEMENT between Viet Nam and Japan\n\nBoth sides agreed to strengthen cooperation in energy transition. The two sides will promote investment in offshore wind power in Quang Ninh.",
      "diplomacy/joint.txt",
      "2024-11-20",
    ),
  ];
}

/** `count` documents with distinct ids cycling through the five samples: enough, past 1,000, for a store to keep its facet snapshot. */
export function manyDocuments(count: number, tag: string): StoredDocument[] {
  const base = sampleDocuments();
  return Array.from({ length: count }, (_, i) => {
    const { document, analysis } = base[i % base.length] as StoredDocument;
    return { document: { ...document, id: `${tag}-${i}`, source: `${tag}/${i}.txt` }, analysis };
  });
}
