import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { api } from "./api.js";
import { parseRoute, type Route } from "./route.js";
import { useApi } from "./useApi.js";
import { CompareView } from "./views/CompareView.js";
import { DocumentView } from "./views/DocumentView.js";
import { SearchView } from "./views/SearchView.js";
import "./styles.css";

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => {
      setRoute(parseRoute(window.location.hash));
      window.scrollTo(0, 0);
    };
    window.addEventListener("hashchange", update);
    return () => window.removeEventListener("hashchange", update);
  }, []);
  return route;
}

function App() {
  const route = useRoute();
  const stats = useApi("stats", api.stats);
  return (
    <>
      <header className="top">
        <a className="brand" href="#/">
          Dossier
        </a>
        <nav>
          <a href="#/" className={route.view === "search" ? "on" : ""}>
            Search
          </a>
          <a href="#/compare" className={route.view === "compare" ? "on" : ""}>
            Compare
          </a>
        </nav>
        {stats.state === "ok" ? (
          <span className="stats">
            {stats.data.documents} documents · {stats.data.mentions} place mentions ·{" "}
            {stats.data.provisions} provisions
          </span>
        ) : null}
      </header>
      <main>
        {route.view === "search" ? (
          <SearchView
            key={route.filters.q ?? ""}
            filters={route.filters}
            level={route.level}
            offset={route.offset}
          />
        ) : null}
        {route.view === "document" ? (
          <DocumentView key={route.id} id={route.id} removed={route.removed} q={route.q} />
        ) : null}
        {route.view === "compare" ? <CompareView a={route.a} b={route.b} /> : null}
      </main>
    </>
  );
}

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
