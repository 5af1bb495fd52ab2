import { openStore } from "../../src/store/open.js";

/** What a library holds, runs aside: its counts, and every stored document and analysis by id. */
export async function content(db: string) {
  const store = await openStore(db);
  try {
    const { runs: _runs, ...stats } = await store.stats();
    const { total } = await store.search({ limit: 1 });
    const ids: string[] = [];
    for (let offset = 0; offset < total; offset += 100)
      ids.push(...(await store.search({ limit: 100, offset })).results.map((r) => r.id));
    ids.sort();
    const documents = [];
    for (const id of ids) documents.push(await store.get(id));
    return { stats, ids, documents };
  } finally {
    await store.close();
  }
}

export async function documentsIn(db: string): Promise<number> {
  const store = await openStore(db);
  try {
    return (await store.stats()).documents;
  } finally {
    await store.close();
  }
}
