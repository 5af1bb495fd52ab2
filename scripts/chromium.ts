import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type Browser, chromium } from "playwright-core";

/**
 * The one place browser users (tests, scripts/compare-screenshot.ts) get Chromium from: the
 * project never downloads a browser at run time. In order:
 * 1. `CHROMIUM_PATH`, when set (it must exist);
 * 2. Debian's Chromium at /usr/bin/chromium, when it is there and starts;
 * 3. the Chromium that the npm package `@sparticuz/chromium` ships (brotli-compressed inside
 *    the package), unpacked once per version into the temp folder.
 * So `npm install && npm test` needs nothing but Node and npm.
 */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * Flags for every Chromium: headless, as root (no sandbox: CI and these machines run as root),
 * and off the network, which this machine does not have (no background requests, component
 * updates, sync or QUIC), so a test sees only the requests its page makes.
 */
export const QUIET_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--disable-breakpad",
  "--disable-domain-reliability",
  "--metrics-recording-only",
  "--no-pings",
];

/**
 * `@sparticuz/chromium`'s flags left out. Two would weaken what the tests check (the UI's tests
 * assert that pages keep to their own origin and that the Content-Security-Policy holds); one
 * process for everything is for AWS Lambda, and here it brings the browser down when a test
 * opens several pages in turn.
 */
const LEFT_OUT = new Set([
  "--disable-web-security",
  "--allow-running-insecure-content",
  "--single-process",
]);

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  /** Which of the three it is, for messages. */
  from: "CHROMIUM_PATH" | "debian" | "@sparticuz/chromium";
  /** Environment for the browser process (fonts for the packaged build), when it needs one. */
  env?: Record<string, string>;
}

/** Whether a Chromium binary starts at all (`--version`), so a broken or hidden one is passed over. */
function starts(path: string): boolean {
  if (!existsSync(path)) return false;
  const r = spawnSync(path, ["--version"], { timeout: 60_000, encoding: "utf8" });
  return r.status === 0 && /chrom/i.test(r.stdout);
}

const require = createRequire(import.meta.url);

/** The version of the package `name` whose file `entry` is (its exports hide package.json). */
function packageVersion(entry: string, name: string): string {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === name && pkg.version) return pkg.version;
  }
  throw new Error(`${name}: no package.json above ${entry}`);
}

/**
 * Unpacks `@sparticuz/chromium` into `<tmp>/dossier-chromium-<version>/`. The package unpacks into
 * `os.tmpdir()` and trusts whatever it finds there; so it runs in a child process whose TMPDIR is
 * a fresh folder, and that folder is renamed into place when complete. Two test files starting
 * at once, or a run killed halfway, never leave a half-written browser behind.
 */
function unpackSparticuz(): { executablePath: string; args: string[]; fonts: string } {
  const entry = require.resolve("@sparticuz/chromium");
  const version = packageVersion(entry, "@sparticuz/chromium");
  const home = join(tmpdir(), `dossier-chromium-${version}`);
  const executablePath = join(home, "chromium");
  if (!existsSync(executablePath)) {
    const staging = mkdtempSync(`${home}.part-`);
    const r = spawnSync(
      process.execPath,
      [
        "-e",
        "require(process.argv[1]).executablePath().then((p) => process.stdout.write(p))",
        entry,
      ],
      { env: { ...process.env, TMPDIR: staging }, encoding: "utf8", timeout: 300_000 },
    );
    if (r.status !== 0 || !existsSync(join(staging, "chromium"))) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`could not unpack @sparticuz/chromium ${version}: ${r.stderr || r.error}`);
    }
    try {
      renameSync(staging, home);
    } catch {
      // Another process finished first: its copy is complete, this one goes.
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const sparticuz = require(entry) as { args: string[] };
  return { executablePath, args: sparticuz.args, fonts: join(home, "fonts") };
}

/** Where `chooseChromium` looks: the environment and Debian's path (tests replace them). */
export interface ChromiumPlaces {
  env?: NodeJS.ProcessEnv;
  debian?: string;
}

/** Which Chromium to start, and with which flags (see the module's comment for the order). */
export function chooseChromium(places: ChromiumPlaces = {}): ChromiumChoice {
  const { env = process.env, debian = DEBIAN_CHROMIUM } = places;
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv}: no such file`);
    return { executablePath: fromEnv, args: QUIET_FLAGS, from: "CHROMIUM_PATH" };
  }
  if (starts(debian)) return { executablePath: debian, args: QUIET_FLAGS, from: "debian" };
  const packaged = unpackSparticuz();
  const args = [...packaged.args.filter((a) => !LEFT_OUT.has(a)), ...QUIET_FLAGS];
  // Without the machine's fontconfig, the fonts the package ships keep text legible.
  const fonts = existsSync("/etc/fonts/fonts.conf")
    ? undefined
    : { ...(process.env as Record<string, string>), FONTCONFIG_PATH: packaged.fonts };
  return { executablePath: packaged.executablePath, args, from: "@sparticuz/chromium", env: fonts };
}

/** Launches headless Chromium (see `chooseChromium`) for tests and checks. */
export async function launchChromium(places: ChromiumPlaces = {}): Promise<Browser> {
  const choice = chooseChromium(places);
  return chromium.launch({
    executablePath: choice.executablePath,
    args: choice.args,
    headless: true,
    ...(choice.env ? { env: choice.env } : {}),
  });
}
