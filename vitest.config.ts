import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "ui/src/**/*.test.ts"],
    testTimeout: 30_000,
    // Browser tests poll the page; a shared 2-core machine can be slow to answer, not wrong.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
