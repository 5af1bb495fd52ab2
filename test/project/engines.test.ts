import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

/**
 * `npm install` on Node 20 must print no EBADENGINE: every package the lockfile installs (the
 * runtime's and the tests', transitive ones included) accepts Node 20, as `engines` and the
 * README promise. Node 20.19 is the oldest release these machines may have.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const NODE_20 = "20.19.0";

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
}

describe("engines", () => {
  const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
    packages: Record<string, LockEntry>;
  };
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
    engines: { node: string };
  };

  it("the project itself says Node 20", () => {
    expect(semver.satisfies(NODE_20, pkg.engines.node)).toBe(true);
  });

  it("every installed package accepts Node 20", () => {
    const refusing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (!path || Array.isArray(entry.engines)) continue;
      const range = entry.engines?.node;
      if (range && !semver.satisfies(NODE_20, range, { includePrerelease: true }))
        refusing.push(`${path.replace(/^.*node_modules\//, "")}@${entry.version}: node ${range}`);
    }
    expect(refusing).toEqual([]);
  });
});
