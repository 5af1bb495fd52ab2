import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { publishedLabel } from "./published.js";

describe("publishedLabel", () => {
  it("shows the date, how its year was found, or that it has none", () => {
    expect(publishedLabel({ published: "2025-05-11T18:57:00+07:00" })).toBe(
      "2025-05-11T18:57:00+07:00",
    );
    expect(
      publishedLabel({
        published: "2025-01-15",
        publishedFrom: {
          via: "text",
          text: "January 15th",
          year: "inferred",
          monthDay: "--01-15",
          evidence: "this year (2025)",
        },
      }),
    ).toBe("2025-01-15 (year inferred from “this year (2025)”)");
    expect(
      publishedLabel({
        published: null,
        publishedFrom: {
          via: "text",
          text: "January 15th",
          year: "unknown",
          monthDay: "--01-15",
          evidence: null,
        },
      }),
    ).toBe("15 January (year unknown)");
    expect(publishedLabel({ published: null, publishedFrom: null })).toBe("undated");
    expect(publishedLabel({ published: null })).toBe("undated");
  });

  it("never throws on odd stored values", () => {
    fc.assert(
      fc.property(fc.option(fc.string()), fc.string(), (published, monthDay) => {
        const label = publishedLabel({
          published,
          publishedFrom: { via: "text", text: "", year: "unknown", monthDay, evidence: null },
        });
        expect(typeof label).toBe("string");
      }),
    );
  });
});
