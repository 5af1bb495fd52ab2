import { describe, expect, it } from "vitest";
import { provinceFilterCode } from "../../src/gazetteer/province-filter.js";

describe("province filters", () => {
  it("take a code or any spelling of a name, at either level", () => {
    for (const v of ["48", "Đà Nẵng", "Da Nang", "danang", "DA NANG"])
      expect(provinceFilterCode("old", v)).toBe("48");
    expect(provinceFilterCode("old", "Ba Ria - Vung Tau")).toBe(
      provinceFilterCode("old", "bà rịa–vũng tàu"),
    );
    expect(provinceFilterCode("new", "Hue")).toBe(provinceFilterCode("new", "Huế"));
    expect(provinceFilterCode("old", "Ha Noi")).toBe("01");
    expect(provinceFilterCode("new", "Ha Noi")).toBe("01");
  });

  it("refuse a name that is no province, naming the province a town lies in", () => {
    expect(() => provinceFilterCode("old", "Atlantis")).toThrow(/no province .* "Atlantis"/);
    expect(() => provinceFilterCode("old", "Nha Trang")).toThrow(
      /Nha Trang lies in Khánh Hòa: give "56"/,
    );
    // Before the merger Binh Duong was a province of its own; after it, it is Ho Chi Minh City.
    expect(provinceFilterCode("old", "Binh Duong")).toBe("74");
    expect(() => provinceFilterCode("new", "Binh Duong")).toThrow(/province2025/);
  });
});
