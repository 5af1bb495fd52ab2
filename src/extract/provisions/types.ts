import type { EntityMention } from "../entities/types.js";
import type { Stance } from "./lexicon.js";

export type { Stance } from "./lexicon.js";

/** Who a provision speaks for. */
export interface Actor {
  /** both: "Both sides", "Viet Nam and Russia"; leaders; side: "The Russian side"; country: "Russia". */
  kind: "both" | "leaders" | "side" | "country";
  /** The subject as written. */
  text: string;
  /** Canonical ids of the countries named in the subject, when it names them. */
  ids: string[];
}

/** now: agreed, decided; future: will, shall; aspiration: wish, readiness; statement: the rest. */
export type Modality = "commitment" | "future" | "aspiration" | "statement";

/** One provision of a diplomatic text: one sentence with an actor and a stance. */
export interface Provision {
  text: string;
  start: number;
  end: number;
  actor: Actor;
  stance: Stance;
  /** The stance verb was negated ("agreed not to support …"): the stance is then "oppose". */
  negated: boolean;
  /** The verb phrase that gave the stance, as written. */
  verb: string;
  modality: Modality;
  /** Domain ids from the topic taxonomy, strongest first. */
  domains: string[];
  /** The entities named inside the provision. */
  entities: Pick<EntityMention, "id" | "type" | "name" | "text" | "start" | "end">[];
}
