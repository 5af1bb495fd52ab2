import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The UI is built into dist/ui and served by `dossier serve`; relative asset URLs and no
// external resources, so it works offline and under any mount point.
export default defineConfig({
  root: import.meta.dirname,
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../dist/ui",
    emptyOutDir: true,
    // The map's boundaries are bundled; one chunk is fine for a local tool.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // `npx vite ui` during development proxies the API to a running `dossier serve`.
    proxy: Object.fromEntries(
      ["/search", "/documents", "/provinces", "/compare", "/stats", "/analyze", "/health"].map(
        (path) => [path, "http://127.0.0.1:8787"],
      ),
    ),
  },
});
