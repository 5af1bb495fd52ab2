import { useEffect, useState } from "react";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "error"; message: string }
  | { state: "ok"; data: T };

const LOADING = { state: "loading" } as const;

/**
 * Runs `load` whenever `key` changes; a stale answer (the user moved on) is dropped. What was
 * loaded is kept with the key it was loaded for, and only handed back for that key: on the
 * render where the key has just changed (before the effect runs) the answer is "loading", never
 * the previous key's data.
 */
export function useApi<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [loaded, setLoaded] = useState<{ key: string; loaded: Loaded<T> }>({
    key,
    loaded: LOADING,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names everything `load` reads
  useEffect(() => {
    let current = true;
    setLoaded({ key, loaded: LOADING });
    load().then(
      (data) => current && setLoaded({ key, loaded: { state: "ok", data } }),
      (error: unknown) =>
        current &&
        setLoaded({
          key,
          loaded: {
            state: "error",
            message: error instanceof Error ? error.message : String(error),
          },
        }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return loaded.key === key ? loaded.loaded : LOADING;
}
