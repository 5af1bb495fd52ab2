import { describe, expect, it } from "vitest";
import { analyze, type Document, ingest } from "../../src/index.js";
import { editDistance, nearestKnownName } from "../../src/store/known-names.js";
import { openSqliteStore } from "../../src/store/sqlite.js";
import type { Store } from "../../src/store/types.js";

/** Texts written for these tests: invented, short, one point each. */
function doc(text: string, source: string, extra: Partial<Document> = {}) {
  const document = { ...ingest(text, { source }), ...extra };
  return { document, analysis: analyze(document) };
}

async function withStore(
  docs: ReturnType<typeof doc>[],
  f: (store: Store) => Promise<void>,
): Promise<void> {
  const store = openSqliteStore(":memory:");
  try {
    await store.add(docs);
    await f(store);
  } finally {
    await store.close();
  }
}

const sources = async (store: Store, q: string) =>
  (await store.search({ q })).results.map((r) => r.source);

describe("English word forms", () => {
  const docs = [
    doc("Rivers rose.\n\nThe river flooded three villages overnight.", "flooded.txt"),
    doc("Warnings.\n\nFlooding is expected along the coast this week.", "flooding.txt"),
    doc("Old maps.\n\nThe 1999 flood reached the market square.", "flood.txt"),
    doc("Markets.\n\nInvestment returned to the industrial parks.", "investment.txt"),
    doc("Mưa lớn.\n\nNước lũ dâng cao ở nhiều xã, người dân được sơ tán.", "vi.txt"),
  ];

  it("finds every form of a word from any form", async () => {
    await withStore(docs, async (store) => {
      for (const q of ["flood", "floods", "flooded", "flooding"])
        expect((await sources(store, q)).sort(), q).toEqual([
          "flood.txt",
          "flooded.txt",
          "flooding.txt",
        ]);
      expect(await sources(store, "investing")).toEqual(["investment.txt"]);
      const result = await store.search({ q: "floods" });
      expect(result.reading?.stems).toEqual([{ word: "floods", stem: "flood" }]);
      expect(result.results.find((r) => r.source === "flooding.txt")?.snippet).toContain(
        "«Flooding»",
      );
    });
  });

  it("keeps Vietnamese syllables whole in a Vietnamese text, stems English words in it", async () => {
    const mixed = doc(
      "Hội thảo.\n\nCác chuyên gia bàn về chủ đề renewable energy investing tại hội thảo.",
      "mixed.txt",
    );
    expect(mixed.document.language).toBe("vi");
    await withStore([...docs, mixed], async (store) => {
      expect((await sources(store, "investment")).sort()).toEqual(["investment.txt", "mixed.txt"]);
      expect(await sources(store, "cac")).toEqual(["mixed.txt"]);
    });
  });
});

describe("spellings of a name", () => {
  it("finds a place however its name is spaced: Danang, Da Nang, Đà Nẵng; Hanoi, Hà Nội", async () => {
    const docs = [
      doc("Port.\n\nA new berth opened in Danang on Monday.", "one-word.txt"),
      doc("Cảng.\n\nBến mới ở Đà Nẵng đi vào hoạt động.", "vi.txt"),
      doc("Metro.\n\nThe Hanoi metro carried more riders; Ha Noi plans two more lines.", "hn.txt"),
    ];
    await withStore(docs, async (store) => {
      for (const q of ["Danang", "Da Nang", "Đà Nẵng", "da nang"])
        expect((await sources(store, q)).sort(), q).toEqual(["one-word.txt", "vi.txt"]);
      expect(await sources(store, "Hanoi")).toEqual(["hn.txt"]);
      expect((await store.search({ q: "Hà Nội" })).results[0]?.snippet).toContain("«Hanoi»");
      expect((await store.search({ q: "Danang" })).reading?.names).toEqual(["Da Nang"]);
    });
  });
});

describe("diacritics as typed", () => {
  const docs = [
    doc("Biển Đông.\n\nHai bên bàn về hợp tác hàng hải ở Biển Đông và tự do hàng hải.", "sea.txt"),
    doc(
      "Thị trường.\n\nDoanh nghiệp chủ động thích ứng trước những biến động của thị trường.",
      "market.txt",
    ),
    doc(
      "Maritime talks.\n\nBoth sides discussed the Bien Dong (East Sea) and freedom of navigation.",
      "sea-en.txt",
    ),
    doc("Bảo hiểm.\n\nNgười lao động được bảo đảm quyền lợi bảo hiểm.", "bao.txt"),
    doc("Bão số 3.\n\nCơn bão gây mưa lớn ở vùng ven biển, bao nhiêu nhà bị hư hại.", "bao2.txt"),
  ];

  it("ranks the texts holding the exact forms first, and leaves out other Vietnamese words", async () => {
    await withStore(docs, async (store) => {
      const sea = await store.search({ q: "Biển Đông" });
      expect(sea.results.map((r) => r.source)).toEqual(["sea.txt", "sea-en.txt"]);
      expect(sea.reading?.diacritics).toBe("exact");
      expect(sea.results[0]?.snippet).toContain("«Biển Đông»");
      // Without diacritics, every text with those letters, the known name first.
      expect((await sources(store, "bien dong")).sort()).toEqual([
        "market.txt",
        "sea-en.txt",
        "sea.txt",
      ]);
      expect((await store.search({ q: "bien dong" })).reading?.diacritics).toBe("folded");
      expect(await sources(store, "bảo")).toEqual(["bao.txt"]);
      expect((await sources(store, "bao")).sort()).toEqual(["bao.txt", "bao2.txt"]);
    });
  });

  it("matches loosely, and says so, when no text holds the forms as typed", async () => {
    await withStore(docs, async (store) => {
      const r = await store.search({ q: "biên đồng" });
      expect(r.reading?.diacritics).toBe("loose");
      expect(r.results.map((h) => h.source).sort()).toEqual([
        "market.txt",
        "sea-en.txt",
        "sea.txt",
      ]);
      expect(r.results.every((h) => h.loose === true)).toBe(true);
      expect((await store.search({ q: "Biển Đông" })).results.some((h) => h.loose)).toBe(false);
    });
  });
});

describe("known names before common words", () => {
  it('ranks a text naming the city Huế before one where "hue" is a colour', async () => {
    const docs = [
      doc(
        "Paint.\n\nThe designer chose a warm hue, a hue of red, a hue of orange, for the hall.",
        "colour.txt",
      ),
      doc("Festival.\n\nThe festival opened in Hue on Friday with music.", "city.txt"),
    ];
    await withStore(docs, async (store) => {
      const r = await store.search({ q: "hue" });
      expect(r.results.map((h) => h.source)).toEqual(["city.txt", "colour.txt"]);
      expect(r.reading?.names).toEqual(["Hue"]);
    });
  });
});

describe("captions, publishers, typos", () => {
  it("searches captions and counts their entities in facets", async () => {
    const text =
      "Leaders meet\n\nMOSCOW (VNA) – The two leaders held talks on Friday.\n\nẢnh 1\n\nPresident Vladimir Putin welcomes the delegation in Moscow - Photo: VNA\n\nBoth sides agreed to expand trade.";
    const d = doc(text, "caption.txt");
    expect(d.document.captions.length).toBe(1);
    expect(d.document.text).not.toContain("Putin");
    await withStore([d], async (store) => {
      const r = await store.search({ q: "Putin" });
      expect(r.results.map((h) => h.source)).toEqual(["caption.txt"]);
      expect(r.results[0]?.snippet).toMatch(/^Photo: .*«Putin»/u);
      expect(r.facets.entity.map((f) => f.value)).toContain("person:vladimir-putin");
    });
  });

  it("has a publisher facet and filter, case and diacritics aside", async () => {
    const docs = [
      doc("Trade\n\nExports rose in May.", "a.txt", { publisher: "VNA" }),
      doc("Trade\n\nVGP – Exports rose again in June, officials said.", "b.txt"),
    ];
    await withStore(docs, async (store) => {
      const all = await store.search({ q: "exports" });
      expect(all.facets.publisher.map((f) => [f.value, f.count]).sort()).toEqual([
        ["VGP", 1],
        ["VNA", 1],
      ]);
      expect(
        (await store.search({ q: "exports", publisher: "vgp" })).results.map((r) => r.source),
      ).toEqual(["b.txt"]);
      expect((await store.search({ publisher: "VNA" })).results[0]?.publisher).toBe("VNA");
    });
  });

  it("searches the nearest known name when the query finds nothing, and says so", async () => {
    const docs = [
      doc("Port\n\nA new port opened in Da Nang and in Quang Ngai this year.", "a.txt"),
    ];
    await withStore(docs, async (store) => {
      for (const [q, meant] of [
        ["Da Nag", "Da Nang"],
        ["Quang Ngia", "Quang Ngai"],
        ["port Da Nag", "port Da Nang"],
      ] as const) {
        const r = await store.search({ q });
        expect(r.total, q).toBe(1);
        expect(r.reading?.didYouMean).toBe(meant);
      }
      // Found as typed: no suggestion; one word, or nothing near: nothing.
      expect((await store.search({ q: "Da Nang" })).reading?.didYouMean).toBeUndefined();
      expect((await store.search({ q: "Nag" })).total).toBe(0);
      expect((await store.search({ q: "zzz qqq" })).total).toBe(0);
    });
  });

  it("measures edits, swaps of neighbours included", async () => {
    expect(editDistance("quang ngia", "quang ngai", 2)).toBe(1);
    expect(editDistance("da nag", "da nang", 1)).toBe(1);
    expect(editDistance("abc", "xyz", 1)).toBe(2);
    expect(nearestKnownName(["da", "nang"])).toBeNull();
  });
});
