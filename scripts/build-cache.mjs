// Fills the data cache (.cache/, see src/io/data-cache.ts) for the code just compiled to dist/,
// so that the first run of the CLI reads what the bundled data builds instead of building it.
// Run by `npm run build` after tsc. A cache that cannot be written is no error: the CLI builds
// what it needs on first use.
const dist = new URL("../dist/", import.meta.url);
const { defaultGeoparser } = await import(new URL("extract/places/index.js", dist).href);
const { defaultEntityExtractor } = await import(new URL("extract/entities/index.js", dist).href);
// The fold tables are cached on import; the gazetteer with the geoparser.
defaultGeoparser();
defaultEntityExtractor();
