import { describe, expect, it } from "vitest";
import { findPlaces } from "../../src/index.js";

/** [sentence, expected mentions as "surface=Old province"] — real names prove the data. */
const cases: [string, string[]][] = [
  // Diacritics, case, spacing, run-together
  [
    "Hà Nội and Ha Noi and HA NOI and Hanoi and ha noi.",
    ["Hà Nội=Ha Noi", "Ha Noi=Ha Noi", "HA NOI=Ha Noi", "Hanoi=Ha Noi", "ha noi=Ha Noi"],
  ],
  [
    "Flights from Danang, Haiphong and Nhatrang.",
    ["Danang=Da Nang", "Haiphong=Hai Phong", "Nhatrang=Khanh Hoa"],
  ],
  [
    "Da Lat, Dalat and Đà Lạt are one city.",
    ["Da Lat=Lam Dong", "Dalat=Lam Dong", "Đà Lạt=Lam Dong"],
  ],
  [
    "Saigon, HCMC, TP.HCM, TP HCM, Sài Gòn and Ho Chi Minh City.",
    [
      "Saigon=Ho Chi Minh",
      "HCMC=Ho Chi Minh",
      "TP.HCM=Ho Chi Minh",
      "TP HCM=Ho Chi Minh",
      "Sài Gòn=Ho Chi Minh",
      "Ho Chi Minh City=Ho Chi Minh",
    ],
  ],
  // Hyphens and dashes
  [
    "Ba Ria–Vung Tau, Ba Ria - Vung Tau, Ba Ria-Vung Tau and BA RIA-VUNG TAU.",
    [
      "Ba Ria–Vung Tau=Ba Ria-Vung Tau",
      "Ba Ria - Vung Tau=Ba Ria-Vung Tau",
      "Ba Ria-Vung Tau=Ba Ria-Vung Tau",
      "BA RIA-VUNG TAU=Ba Ria-Vung Tau",
    ],
  ],
  [
    "Thua Thien-Hue and Thừa Thiên - Huế.",
    ["Thua Thien-Hue=Thua Thien Hue", "Thừa Thiên - Huế=Thua Thien Hue"],
  ],
  // Longest match
  ["Vung Tau beaches", ["Vung Tau=Ba Ria-Vung Tau"]],
  ["Dien Bien Phu and Dien Bien", ["Dien Bien Phu=Dien Bien", "Dien Bien=Dien Bien"]],
  // Generic words stay outside the span
  [
    "tỉnh Quảng Bình, TP. Đồng Hới, Quang Ninh province, Vinh city, thành phố Huế",
    [
      "Quảng Bình=Quang Binh",
      "Đồng Hới=Quang Binh",
      "Quang Ninh=Quang Ninh",
      "Vinh=Nghe An",
      "Huế=Thua Thien Hue",
    ],
  ],
  // Never inside a word; possessives and -based outside
  [
    "Hanoian food, Hanoi-based firms, Hue's citadel, Bình Định’s coast",
    ["Hanoi=Ha Noi", "Hue=Thua Thien Hue", "Bình Định=Binh Dinh"],
  ],
  ["a glued Binh ThuanProvince heading", ["Binh Thuan=Binh Thuan"]],
  // Ho Chi Minh: the man, his thought, his trail — and his mausoleum, a landmark in Ha Noi
  ["President Ho Chi Minh read the declaration.", []],
  ["Ho Chi Minh Thought guides the Party.", []],
  ["They walked the Ho Chi Minh Trail.", []],
  ["Crowds queued at the Ho Chi Minh Mausoleum.", ["Ho Chi Minh Mausoleum=Ha Noi"]],
  ["Chủ tịch Hồ Chí Minh và TP Hồ Chí Minh", ["Hồ Chí Minh=Ho Chi Minh"]],
  // Hue the colour, Hue the city
  ["a warm hue of orange", []],
  [
    "Hue is the old capital; the Hue Imperial City draws crowds.",
    ["Hue=Thua Thien Hue", "Hue=Thua Thien Hue"],
  ],
  // Vinh and Quang as personal names
  ["Ambassador Pham Quang Vinh met Mr Vinh.", []],
  ["The train reached Vinh at dawn.", ["Vinh=Nghe An"]],
  ["Vinh Trang farm and Vinh Hy bay", []],
  ["Nguyen Hue Street", []],
  // Long An the province, "long an" the words
  ["It took as long an hour as ever.", []],
  ["Long An farmers", ["Long An=Long An"]],
  // Hoa Binh: peace in a name
  ["Chief Justice Nguyen Hoa Binh spoke.", []],
  ["vì hòa bình và phát triển", []],
  // Vietnamese in lowercase is ordinary words: two rooms, need time, go eat
  ["căn hộ hai phòng ngủ, cần giờ để đi ăn", []],
  [
    "tỉnh Hải Phòng và huyện Cần Giờ, TP Dĩ An",
    ["Hải Phòng=Hai Phong", "Cần Giờ=Ho Chi Minh", "Dĩ An=Binh Duong"],
  ],
  ["Phu Quoc district and huyện Côn Đảo", ["Phu Quoc=Kien Giang", "Côn Đảo=Ba Ria-Vung Tau"]],
  // A province merged away in 2008
  ["Ha Tay province joined Hanoi in 2008.", ["Ha Tay=Ha Noi", "Hanoi=Ha Noi"]],
  ["Landslides hit Hoa Binh province.", ["Hoa Binh=Hoa Binh"]],
  // All-caps headlines
  ["FLOODS HIT QUANG NAM AND QUANG NGAI", ["QUANG NAM=Quang Nam", "QUANG NGAI=Quang Ngai"]],
  // "the province" later: no mention needed, no false one
  ["Officials in Ha Tinh said the province would reopen schools.", ["Ha Tinh=Ha Tinh"]],
  // Districts, wards and rivers that share a province's name
  // A district or ward sharing a province's or city's name is that unit, in its own province
  ["huyện Quảng Ninh của tỉnh Quảng Bình", ["Quảng Ninh=Quang Binh", "Quảng Bình=Quang Binh"]],
  ["Lũ ở H.Quảng Ninh (Quảng Bình)", ["Quảng Ninh=Quang Binh", "Quảng Bình=Quang Binh"]],
  // The river takes the name of the town it flows through, not Kiên Giang province's
  ["sông Kiến Giang chảy qua Lệ Thủy", ["Kiến Giang=Quang Binh", "Lệ Thủy=Quang Binh"]],
  ["tỉnh Kiên Giang", ["Kiên Giang=Kien Giang"]],
  ["Tan An ward of Can Tho", ["Tan An=Can Tho", "Can Tho=Can Tho"]],
  // Names inside organisation names still count; a family-name run does not
  ["Hanoi FC beat Song Lam Nghe An.", ["Hanoi=Ha Noi", "Nghe An=Nghe An"]],
  // Post-2025 text: a merged province name resolves by name
  [
    "From July 2025 the new Gia Lai province has its seat in Quy Nhon.",
    ["Gia Lai=Gia Lai", "Quy Nhon=Binh Dinh"],
  ],
  // Well-known places
  [
    "Sa Pa, Sapa, Ha Long Bay, Hoi An, Phu Quoc, Con Dao, Mui Ne, Cat Ba, Phong Nha, My Son, Cu Chi",
    [
      "Sa Pa=Lao Cai",
      "Sapa=Lao Cai",
      "Ha Long Bay=Quang Ninh",
      "Hoi An=Quang Nam",
      "Phu Quoc=Kien Giang",
      "Con Dao=Ba Ria-Vung Tau",
      "Mui Ne=Binh Thuan",
      "Cat Ba=Hai Phong",
      "Phong Nha=Quang Binh",
      "My Son=Quang Nam",
      "Cu Chi=Ho Chi Minh",
    ],
  ],
  ["my son is at school", []],
  [
    "Buon Ma Thuot, Ban Me Thuot, Pleiku, Kontum, Daklak",
    [
      "Buon Ma Thuot=Dak Lak",
      "Ban Me Thuot=Dak Lak",
      "Pleiku=Gia Lai",
      "Kontum=Kon Tum",
      "Daklak=Dak Lak",
    ],
  ],
];

describe("findPlaces on sentences", () => {
  it.each(cases)("%s", (sentence, expected) => {
    const found = findPlaces(sentence).map((m) => `${m.text}=${m.province.name}`);
    expect(found).toEqual(expected);
  });

  it("resolves to both the old and the new province", () => {
    const [m] = findPlaces("A factory in Binh Duong.");
    expect(m?.province).toEqual({ code: "74", name: "Binh Duong", nameVi: "Bình Dương" });
    expect(m?.province2025).toEqual({ code: "79", name: "Ho Chi Minh", nameVi: "Hồ Chí Minh" });
  });

  it("handles NFD input with the same places and offsets that slice to the surface", () => {
    const nfd = "Lũ ở Quảng Nam và Thừa Thiên Huế".normalize("NFD");
    const found = findPlaces(nfd);
    expect(found.map((m) => m.province.name)).toEqual(["Quang Nam", "Thua Thien Hue"]);
    for (const m of found) expect(nfd.slice(m.start, m.end)).toBe(m.text);
    expect(found[1]?.text.normalize("NFC")).toBe("Thừa Thiên Huế");
  });

  it("gives a reason and a confidence", () => {
    const [listed] = findPlaces("  • Vung Tau\n");
    expect(listed?.reason).toContain("list item");
    const [withWord] = findPlaces("tỉnh Quảng Trị");
    expect(withWord?.reason).toContain("province word");
    expect(withWord?.confidence).toBeGreaterThan(0.95);
    expect(findPlaces("Vinh", { minConfidence: 0.99 })).toEqual([]);
  });
});
