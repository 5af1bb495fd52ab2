import { randomUUID } from "node:crypto";
import type pg from "pg";
import { documentFacets, newLabels } from "./document-facets.js";
import { SNAPSHOT_AFTER_ROWS } from "./facet-index.js";
import { indexedText } from "./index-text.js";
import {
  checkUrl,
  connectClient,
  makePool,
  type PostgresOptions,
  postgresError,
  redactUrl,
} from "./postgres-connect.js";
import { migrate } from "./postgres-schema.js";
import {
  PgSearchIndex,
  provinceCountsPostgres,
  searchPostgres,
  searchVectors,
} from "./postgres-search.js";
import type { RunRecord, Store, StoredDocument } from "./types.js";

export type { PostgresOptions } from "./postgres-connect.js";

/** SQLSTATEs of a transaction PostgreSQL gave up to let another go on: it is run again. */
const RETRY = new Set(["40P01", "40001"]);
const ATTEMPTS = 5;

/**
 * Opens a PostgreSQL store at `url` (postgres:// or postgresql://), migrating the library if
 * need be; several processes, on this machine or others, may share it. A bad URL is E_USAGE; a
 * server down or unreachable E_DB_CONNECT, refused credentials E_DB_AUTH, a missing database
 * E_DB_MISSING: from opening it or from any method, never naming the password.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresOptions = {},
): Promise<Store> {
  checkUrl(url);
  const pool = makePool(url, options);
  try {
    const client = await pool.connect();
    try {
      await migrate(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw postgresError(error, url);
  }
  return guarded(makeStore(url, pool, options), url);
}

/** The store with every method's failures turned into coded errors. */
function guarded(store: Store, url: string): Store {
  const out = { kind: store.kind, location: store.location } as Record<string, unknown>;
  for (const [name, method] of Object.entries(store)) {
    if (typeof method !== "function") continue;
    out[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw postgresError(error, url);
      }
    };
  }
  return out as unknown as Store;
}

/** Runs `f` in a transaction on a connection of the pool, again when PostgreSQL asks. */
async function transaction<T>(pool: pg.Pool, f: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    // A connection that cannot even roll back is broken: it leaves the pool, not back into it.
    let broken = false;
    try {
      await client.query("BEGIN");
      const result = await f(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
      const code = (error as { code?: string } | null)?.code;
      if (attempt >= ATTEMPTS || code === undefined || !RETRY.has(code)) throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** Parameters one statement sends at most (PostgreSQL takes 65,535). */
const MAX_PARAMS = 30_000;

/**
 * Runs `sql(values)` with `VALUES ($1::text, $2::int4), (…)` for the rows of `columns`, as many
 * statements as the parameters need, and returns the rows they return. For the tables of long
 * texts (JSON, tsvectors): their parameters go to the server as they are, where an array would
 * be written out with every quote escaped and parsed back (most of a batch's cost).
 */
async function insertRows<T extends pg.QueryResultRow>(
  client: pg.PoolClient,
  columns: unknown[][],
  casts: string[],
  sql: (values: string) => string,
): Promise<T[]> {
  const out: T[] = [];
  const count = columns[0]?.length ?? 0;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / casts.length));
  for (let from = 0; from < count; from += perStatement) {
    const params: unknown[] = [];
    const rows: string[] = [];
    for (let r = from; r < Math.min(count, from + perStatement); r++) {
      const row = casts.map((cast, c) => {
        params.push(columns[c]?.[r]);
        return `$${params.length}::${cast}`;
      });
      rows.push(`(${row.join(", ")})`);
    }
    out.push(...(await client.query<T>(sql(`VALUES ${rows.join(", ")}`), params)).rows);
  }
  return out;
}

/** Counts a batch's documents to run `run` (recorded "done" unless `startRun` opened it). */
async function recordRun(
  db: pg.Pool | pg.PoolClient,
  run: string,
  started: string,
  added: number,
  skipped: number,
): Promise<void> {
  await db.query(
    `INSERT INTO runs (id, started, finished, added, skipped) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET finished = excluded.finished,
     added = runs.added + excluded.added, skipped = runs.skipped + excluded.skipped`,
    [run, started, new Date().toISOString(), added, skipped],
  );
}

/** Facet labels seen in a batch: kind → value → least label. */

/** A batch's rows, column by column, for one INSERT … SELECT FROM unnest(…) per table. */
/** What a document costs to write out (its analysis as JSON, its search vectors), done once. */
interface Prepared {
  analysis: string;
  words: string;
  marks: string;
}

function prepare({ document, analysis }: StoredDocument): Prepared {
  return { analysis: JSON.stringify(analysis), ...searchVectors(indexedText(document)) };
}

function columns(items: StoredDocument[], prepared: Map<string, Prepared>) {
  const c = {
    analyses: [[], []] as string[][],
    mentions: [[], [], [], [], [], [], [], []] as (string | number)[][],
    entities: [[], [], [], [], []] as (string | number)[][],
    topics: [[], [], []] as string[][],
    provisions: [[], [], [], [], []] as (string | number)[][],
    search: [[], [], []] as string[][],
    facets: [[], [], [], [], [], []] as (string | null)[][],
  };
  const labels = newLabels();
  const push = (table: unknown[][], ...values: unknown[]) => {
    values.forEach((v, i) => {
      table[i]?.push(v);
    });
  };
  for (const { document: d, analysis: a } of items) {
    const p = prepared.get(d.id) ?? prepare({ document: d, analysis: a });
    push(c.analyses, d.id, p.analysis);
    for (const m of a.places) {
      push(
        c.mentions,
        d.id,
        m.start,
        m.end,
        m.place.id,
        m.province.code,
        m.province.name,
        m.province2025.code,
        m.province2025.name,
      );
    }
    const f = documentFacets(a, labels);
    for (const [id, e] of f.entities) push(c.entities, d.id, id, e.type, e.name, e.count);
    for (const [domain, name] of f.domains) push(c.topics, d.id, domain, name);
    a.provisions.forEach((p, i) => {
      push(c.provisions, d.id, i, p.stance, p.actor.kind, p.text);
    });
    push(c.search, d.id, p.words, p.marks);
    push(c.facets, d.id, d.source, d.language, d.published, d.publisher, f.json);
  }
  const labelRows: string[][] = [[], [], []];
  for (const [kind, values] of Object.entries(labels)) {
    for (const [value, name] of values) push(labelRows, kind, value, name);
  }
  return { ...c, labels: labelRows };
}

function makeStore(url: string, pool: pg.Pool, options: PostgresOptions): Store {
  const index = new PgSearchIndex(pool);
  let closed = false;
  // Documents this process added: past SNAPSHOT_AFTER_ROWS, closing keeps the facet index.
  let added = 0;
  /**
   * A connection kept open while this process has runs going: its backend (pid and start time)
   * stands for the process, so that another process, on any machine, can tell a run whose
   * process died (its backend ended with it) from one still working.
   */
  let session: Promise<{ client: pg.Client; pid: number }> | null = null;
  const openSession = () => {
    session ??= (async () => {
      const client = await connectClient(url, options);
      const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      return { client, pid: (rows[0] as { pid: number }).pid };
    })();
    session.catch(() => {
      session = null;
    });
    return session;
  };

  async function addAll(items: StoredDocument[], run: string, started: string) {
    // One row per id, in id order: two processes adding overlapping batches take the rows'
    // locks in the same order, so one waits for the other rather than deadlocking.
    const unique = new Map<string, StoredDocument>();
    for (const item of items) if (!unique.has(item.document.id)) unique.set(item.document.id, item);
    const batch = [...unique.values()].sort((a, b) =>
      a.document.id < b.document.id ? -1 : a.document.id > b.document.id ? 1 : 0,
    );
    const docs: (string | null)[][] = [[], [], [], [], [], [], []];
    for (const { document: d } of batch) {
      const row = [
        d.id,
        d.source,
        d.title,
        d.published,
        d.language,
        d.publisher,
        JSON.stringify(d),
      ];
      row.forEach((v, i) => {
        docs[i]?.push(v);
      });
    }
    if (batch.length === 0) {
      await recordRun(pool, run, started, 0, 0);
      return { added: 0, skipped: 0 };
    }
    // The documents' writing out (most of the client's work) is done before the transaction,
    // which then holds its locks only while the server works; not for documents already there.
    const there = await pool.query<{ id: string }>(
      "SELECT id FROM documents WHERE id = ANY($1::text[])",
      [docs[0]],
    );
    const known = new Set(there.rows.map((r) => r.id));
    const prepared = new Map<string, Prepared>();
    for (const item of batch)
      if (!known.has(item.document.id)) prepared.set(item.document.id, prepare(item));
    return transaction(pool, async (client) => {
      const inserted = await insertRows<{ id: string }>(
        client,
        docs,
        ["text", "text", "text", "text", "text", "text", "text"],
        (rows) => `INSERT INTO documents (id, source, title, published, language, publisher, json)
         ${rows} ON CONFLICT (id) DO NOTHING RETURNING id`,
      );
      // Stored, by this process or another: no longer anyone's to analyse.
      await client.query("DELETE FROM ingest_claims WHERE document_id = ANY($1::text[])", [
        docs[0],
      ]);
      const addedIds = new Set(inserted.map((r) => r.id));
      const added = batch.filter((item) => addedIds.has(item.document.id));
      if (added.length > 0) await addRows(client, added, prepared);
      const skipped = items.length - added.length;
      await recordRun(client, run, started, added.length, skipped);
      return { added: added.length, skipped };
    });
  }

  /** The rows of the documents just added: analyses, index, facets (stamped), labels. */
  async function addRows(
    client: pg.PoolClient,
    added: StoredDocument[],
    prepared: Map<string, Prepared>,
  ): Promise<void> {
    const c = columns(added, prepared);
    await insertRows(
      client,
      c.analyses,
      ["text", "text"],
      (rows) => `INSERT INTO analyses (document_id, json) ${rows}`,
    );
    const unnest = async (table: string, columns: string[], types: string[], rows: unknown[][]) => {
      if (!rows[0]?.length) return;
      const params = types.map((t, i) => `$${i + 1}::${t}[]`).join(", ");
      await client.query(
        `INSERT INTO ${table} (${columns.join(", ")}) SELECT * FROM unnest(${params})`,
        rows,
      );
    };
    await unnest(
      "mentions",
      [
        "document_id",
        "start",
        '"end"',
        "place_id",
        "province_code",
        "province_name",
        "province2025_code",
        "province2025_name",
      ],
      ["text", "int4", "int4", "text", "text", "text", "text", "text"],
      c.mentions,
    );
    await unnest(
      "entities",
      ["document_id", "entity_id", "type", "name", "count"],
      ["text", "text", "text", "text", "int4"],
      c.entities,
    );
    await unnest("topics", ["document_id", "domain", "label"], ["text", "text", "text"], c.topics);
    await unnest(
      "provisions",
      ["document_id", "idx", "stance", "actor_kind", "text"],
      ["text", "int4", "text", "text", "text"],
      c.provisions,
    );
    const search = await insertRows<{ rowid: number; document_id: string }>(
      client,
      c.search,
      ["text", "tsvector", "tsvector"],
      (rows) => `INSERT INTO document_search (rowid, document_id, words, marks)
       SELECT nextval('document_rowid'), d, w, m FROM (${rows}) AS v(d, w, m)
       RETURNING rowid::int4 AS rowid, document_id`,
    );
    const rowids = new Map(search.map((r) => [r.document_id, r.rowid]));
    // Last, so that the lock on library_version is held only for what follows: the versions
    // then commit in order (see postgres-schema.ts), and so do the labels' updates.
    const version = await client.query<{ v: string }>(
      "UPDATE library_version SET v = v + 1 RETURNING v",
    );
    const v = version.rows[0]?.v as string;
    await client.query(
      `INSERT INTO document_facets (rowid, document_id, source, language, published, publisher,
       facets, version)
       SELECT r, d, s, l, p, pb, f::jsonb, $8::bigint
       FROM unnest($1::int4[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
         $7::text[]) AS u(r, d, s, l, p, pb, f)`,
      [c.facets[0]?.map((id) => rowids.get(id as string)), ...c.facets, v],
    );
    if (c.labels[0]?.length)
      await client.query(
        `INSERT INTO facet_labels (kind, value, label)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
         ON CONFLICT (kind, value) DO UPDATE
         SET label = LEAST(facet_labels.label COLLATE "C", excluded.label COLLATE "C")`,
        c.labels,
      );
  }

  const count = async (sql: string) => {
    const { rows } = await pool.query<{ n: number }>(sql);
    return rows[0]?.n ?? 0;
  };

  return {
    kind: "postgres",
    location: redactUrl(url),
    async add(items, run) {
      const result = await addAll(items, run ?? randomUUID(), new Date().toISOString());
      added += result.added;
      return result;
    },
    async startRun(id) {
      const me = await openSession();
      const now = new Date().toISOString();
      await transaction(pool, async (client) => {
        // A run is alive while the backend of its process's session is: same pid, and the
        // same start time (a pid may be reused) where PostgreSQL shows it (it does not show
        // another role's sessions'). Both are the server's, so machines' clocks never count.
        await client.query(
          `UPDATE runs r SET status = 'interrupted', finished = $1
           WHERE status = 'running' AND NOT EXISTS (
             SELECT 1 FROM pg_stat_activity a WHERE a.pid = r.backend_pid
             AND (a.backend_start IS NULL OR r.backend_start IS NULL
               OR a.backend_start = r.backend_start))`,
          [now],
        );
        await client.query(
          `INSERT INTO runs (id, started, finished, added, skipped, status, backend_pid,
           backend_start) VALUES ($1, $2, $2, 0, 0, 'running', $3,
             (SELECT backend_start FROM pg_stat_activity WHERE pid = $3))
           ON CONFLICT (id) DO UPDATE SET status = 'running',
           backend_pid = excluded.backend_pid, backend_start = excluded.backend_start`,
          [id, now, me.pid],
        );
      });
    },
    async finishRun(id, status, skipped = 0) {
      await pool.query(
        "UPDATE runs SET status = $1, finished = $2, skipped = skipped + $3 WHERE id = $4",
        [status, new Date().toISOString(), skipped, id],
      );
    },
    async has(id) {
      const { rowCount } = await pool.query("SELECT 1 FROM documents WHERE id = $1", [id]);
      return (rowCount ?? 0) > 0;
    },
    async claim(ids) {
      const wanted = [...new Set(ids)];
      if (wanted.length === 0) return { mine: [], stored: [] };
      const me = await openSession();
      const stored = new Set(
        (
          await pool.query<{ id: string }>("SELECT id FROM documents WHERE id = ANY($1::text[])", [
            wanted,
          ])
        ).rows.map((r) => r.id),
      );
      const open = wanted.filter((id) => !stored.has(id)).sort();
      // One statement: of two processes claiming one document, the second waits for the first
      // to commit, then finds the claim taken by a live session and leaves it. A claim whose
      // session ended (its process died) is taken over.
      const taken = await pool.query<{ document_id: string }>(
        `INSERT INTO ingest_claims AS c (document_id, backend_pid, backend_start)
         SELECT id, $2, (SELECT backend_start FROM pg_stat_activity WHERE pid = $2)
         FROM unnest($1::text[]) AS u(id)
         WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = u.id)
         ON CONFLICT (document_id) DO UPDATE
         SET backend_pid = excluded.backend_pid, backend_start = excluded.backend_start
         WHERE c.backend_pid = excluded.backend_pid OR NOT EXISTS (
           SELECT 1 FROM pg_stat_activity a WHERE a.pid = c.backend_pid
           AND (a.backend_start IS NULL OR c.backend_start IS NULL
             OR a.backend_start = c.backend_start))
         RETURNING document_id`,
        [open, me.pid],
      );
      const mine = new Set(taken.rows.map((r) => r.document_id));
      return {
        mine: wanted.filter((id) => mine.has(id)),
        stored: wanted.filter((id) => stored.has(id)),
      };
    },
    async page(after, limit) {
      const { rows } = await pool.query<{ document: string; analysis: string }>(
        `SELECT d.json AS document, a.json AS analysis
         FROM documents d JOIN analyses a ON a.document_id = d.id
         WHERE d.id > $1 ORDER BY d.id LIMIT $2`,
        [after ?? "", Math.max(0, Math.floor(limit))],
      );
      return rows.map((row) => ({
        document: JSON.parse(row.document),
        analysis: JSON.parse(row.analysis),
      }));
    },
    async runs() {
      const { rows } = await pool.query<RunRecord>(
        "SELECT id, started, finished, status, added, skipped FROM runs ORDER BY started, id",
      );
      return rows;
    },
    async get(id) {
      const { rows } = await pool.query<{ document: string; analysis: string }>(
        `SELECT d.json AS document, a.json AS analysis
         FROM documents d JOIN analyses a ON a.document_id = d.id WHERE d.id = $1`,
        [id],
      );
      const row = rows[0];
      return row
        ? { document: JSON.parse(row.document), analysis: JSON.parse(row.analysis) }
        : null;
    },
    search: (query) => searchPostgres(pool, index, query),
    async stats() {
      const [documents, mentions, entities, provisions, runs] = await Promise.all([
        count("SELECT count(*)::int4 AS n FROM documents"),
        count("SELECT count(*)::int4 AS n FROM mentions"),
        count("SELECT count(DISTINCT entity_id)::int4 AS n FROM entities"),
        count("SELECT count(*)::int4 AS n FROM provisions"),
        count("SELECT count(*)::int4 AS n FROM runs"),
      ]);
      return { documents, mentions, entities, provisions, runs };
    },
    provinceCounts: (level, query) => provinceCountsPostgres(pool, index, level, query ?? {}),
    async close() {
      if (closed) return;
      closed = true;
      // An ingest that added many documents leaves the facet index ready for the next search.
      if (added >= SNAPSHOT_AFTER_ROWS)
        await index
          .refresh()
          .then(() => index.saveSnapshot())
          .catch(() => {});
      const s = session;
      session = null;
      // This process's claims end with it (the session's end voids them too, if this fails).
      if (s)
        await s
          .then(async ({ client, pid }) => {
            try {
              await client.query("DELETE FROM ingest_claims WHERE backend_pid = $1", [pid]);
            } finally {
              await client.end();
            }
          })
          .catch(() => {});
      await pool.end();
    },
  };
}
