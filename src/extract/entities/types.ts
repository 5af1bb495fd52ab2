export type EntityType = "country" | "organisation" | "instrument" | "person" | "place";

/** One entity of the bundled lists: a canonical id shared by all its names. */
export interface EntityRecord {
  /** "country:RUS", "org:asean", "instr:unclos-1982", "person:to-lam", "place:south-china-sea". */
  id: string;
  type: EntityType;
  name: string;
  /** The list's finer kind: "territory", "forum", "body", "agency" … */
  kind: string | null;
  /** Instruments: the year adopted or signed. */
  year: number | null;
  /** People: the titles they are written with. */
  titles: string[];
  names: { text: string; flags: string[]; variant: "name" | "alias" | "demonym" }[];
}

/** One mention of an entity in a text. */
export interface EntityMention {
  text: string;
  start: number;
  end: number;
  /** Canonical id: every variant name of one entity shares it. */
  id: string;
  type: EntityType;
  /** Canonical name. */
  name: string;
  kind: string | null;
  /** How the text names it: its canonical name, an alias (e.g. "East Sea"), or a demonym ("the Russian side"). */
  variant: "name" | "alias" | "demonym";
  /** People: the title written before the name ("General Secretary"), when there is one. */
  title?: string;
  /** Instruments: the year. */
  year?: number;
  /** Found from a title + capitalised name pattern rather than the lists. */
  unlisted?: boolean;
  /** Named inside another entity's name: the sea in "Declaration on the Conduct of Parties in the East Sea". */
  partOf?: string;
}
