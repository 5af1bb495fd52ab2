import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseChromium, launchChromium, QUIET_FLAGS } from "../../scripts/chromium.js";

/**
 * Browser tests need nothing but `npm install`: without CHROMIUM_PATH and without a working
 * Debian Chromium, the one `@sparticuz/chromium` ships is unpacked and started, with the flags
 * that keep it off the network and none that weaken the pages' security.
 */
const dir = mkdtempSync(join(tmpdir(), "dossier-chromium-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("which Chromium", () => {
  it("takes the packaged one when Debian's is missing", () => {
    const choice = chooseChromium({ env: {}, debian: join(dir, "no-chromium") });
    expect(choice.from).toBe("@sparticuz/chromium");
    expect(existsSync(choice.executablePath)).toBe(true);
    expect(choice.args).toEqual(expect.arrayContaining([...QUIET_FLAGS]));
    expect(choice.args).not.toContain("--disable-web-security");
    expect(choice.args).not.toContain("--allow-running-insecure-content");
  }, 300_000);

  it("passes over a Debian path that does not start", () => {
    const broken = join(dir, "chromium");
    writeFileSync(broken, "#!/bin/sh\nexit 127\n", { mode: 0o755 });
    expect(chooseChromium({ env: {}, debian: broken }).from).toBe("@sparticuz/chromium");
  }, 300_000);

  it("names a CHROMIUM_PATH that is missing", () => {
    const missing = join(dir, "nowhere");
    expect(() => chooseChromium({ env: { CHROMIUM_PATH: missing } })).toThrow(
      `CHROMIUM_PATH=${missing}: no such file`,
    );
  });

  it("starts the packaged Chromium headless and renders a page", async () => {
    const browser = await launchChromium({ env: {}, debian: join(dir, "no-chromium") });
    try {
      const page = await browser.newPage();
      await page.setContent("<main><h1>Hà Nội</h1></main>");
      expect(await page.locator("h1").textContent()).toBe("Hà Nội");
      expect(await page.evaluate("navigator.userAgent")).toMatch(/Headless/);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
