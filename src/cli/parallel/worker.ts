/**
 * A worker thread of `dossier analyze|places --jobs N` (piscina's entry): each task is one
 * document, and its answer the output text, made here so JSON.stringify runs in parallel too.
 */
export { runTaskToBytes as default } from "./task.js";
