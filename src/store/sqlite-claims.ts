import { createHash, randomUUID } from "node:crypto";
import { realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

/**
 * The claims of the ingest processes on one SQLite library (see `Store.claim`), kept in a small
 * database of their own in the temporary folder, named for the library's real path: a claim
 * never waits for the library's write lock, which an ingest's writer thread holds for a
 * batch at a time, and the library's folder gets no extra file. A SQLite library is only ever
 * shared on one machine, so a claim's owner is a process id (and, in this process, a store).
 */
export class SqliteClaims {
  private db: Database.Database | null = null;
  private statements: { get: Database.Statement; put: Database.Statement } | null = null;
  private readonly owner = randomUUID();

  constructor(
    private readonly library: string,
    private readonly busyMs: number,
  ) {
    liveOwners.add(this.owner);
  }

  private open(): Database.Database {
    if (this.db) return this.db;
    let path = ":memory:";
    if (this.library !== ":memory:" && this.library !== "") {
      const key = createHash("sha256").update(realpathSync(this.library)).digest("hex");
      path = join(tmpdir(), `dossier-claims-${key.slice(0, 24)}.db`);
    }
    const db = new Database(path, { timeout: this.busyMs });
    // Claims of a process that crashed are void anyway: nothing here needs to reach the disk.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = OFF");
    db.exec(`CREATE TABLE IF NOT EXISTS claims (
      document_id TEXT PRIMARY KEY, pid INTEGER NOT NULL, owner TEXT NOT NULL) WITHOUT ROWID`);
    this.db = db;
    this.statements = {
      get: db.prepare("SELECT pid, owner FROM claims WHERE document_id = ?"),
      put: db.prepare(
        `INSERT INTO claims (document_id, pid, owner) VALUES (?, ?, ?)
         ON CONFLICT (document_id) DO UPDATE SET pid = excluded.pid, owner = excluded.owner`,
      ),
    };
    return db;
  }

  /** Of `ids` (none stored), those this store now holds: free, or claimed by a store now gone. */
  take(ids: string[]): string[] {
    const db = this.open();
    const { get, put } = this.statements as NonNullable<SqliteClaims["statements"]>;
    return db
      .transaction(() => {
        const mine: string[] = [];
        for (const id of ids) {
          const claim = get.get(id) as { pid: number; owner: string } | undefined;
          if (claim && claim.owner !== this.owner && ownerAlive(claim.pid, claim.owner)) continue;
          put.run(id, process.pid, this.owner);
          mine.push(id);
        }
        return mine;
      })
      .immediate();
  }

  /** Ends this store's claims. */
  close(): void {
    liveOwners.delete(this.owner);
    if (!this.db) return;
    try {
      this.db.prepare("DELETE FROM claims WHERE owner = ?").run(this.owner);
    } catch {
      // Claims of a store that is closed are void whether or not they are deleted.
    }
    this.db.close();
    this.db = null;
    this.statements = null;
  }
}

/** The stores open in this process (this thread), by the owner their claims name. */
const liveOwners = new Set<string>();

/** Whether the store that made a claim is still open: in this process, or another one alive. */
function ownerAlive(pid: number, owner: string): boolean {
  return pid === process.pid ? liveOwners.has(owner) : processExists(pid);
}

/**
 * Whether process `pid` still exists on this machine (a database in WAL mode is only ever
 * shared on one machine). A process of another user exists too (EPERM).
 */
export function processExists(pid: number | null): boolean {
  if (pid === null) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
