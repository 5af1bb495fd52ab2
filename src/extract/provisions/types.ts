import type { EntityMention } from "../entities/types.js";
import type { Stance } from "./lexicon.js";

export type { Stance } from "./lexicon.js";

/** Who a provision speaks for. */
export interface Actor {
  /**
   * joint: both parties ("Both sides", "The two leaders", "Viet Nam and Japan", "Hai bên");
   * party: one state or body ("The UK", "the Vietnamese side", "Phía Nga");
   * person: one person, named or by office ("President Biden", "The Prime Minister").
   */
  kind: "joint" | "party" | "person";
  /** The subject as written; empty when the provision has none ("It was agreed that …"). */
  text: string;
  /**
   * Canonical ids: the parties for joint and party actors ("country:VNM", "org:asean"), the
   * person's id for a person ("person:narendra-modi"), with the state the person speaks for
   * when the text says it.
   */
  ids: string[];
  /** A person's office, when the subject gives it ("Prime Minister"). */
  office?: string;
  /**
   * How an actor not named in its own sentence was found: a pronoun ("They", "He"), an office
   * resolved to the person holding it, an impersonal clause, a nominal provision, or the lead-in
   * of a list the provision is an item of.
   */
  via?: "pronoun" | "office" | "impersonal" | "nominal" | "list";
}

/** now: agreed, decided; future: will, shall; aspiration: wish, readiness; statement: the rest. */
export type Modality = "commitment" | "future" | "aspiration" | "statement";

/**
 * One predicate of a provision: the main one, then any coordinated after it ("… expressed their
 * delight with …, and shared their intention to …"). Offsets are into the document's text.
 */
export interface ProvisionClause {
  stance: Stance;
  negated: boolean;
  /** The predicate as written ("shared their intention"); empty for a list item. */
  verb: string;
  verbStart: number;
  verbEnd: number;
  /** Where the clause's content (after its predicate) ends: the next clause, or the provision's end. */
  end: number;
}

/** One provision of a diplomatic text: one sentence (or list item) with an actor and a stance. */
export interface Provision {
  text: string;
  start: number;
  end: number;
  actor: Actor;
  stance: Stance;
  /** The predicate was negated ("agreed not to support …"): the stance is then "oppose". */
  negated: boolean;
  /** The predicate that gave the stance, as written. */
  verb: string;
  modality: Modality;
  /** The main predicate, then any coordinated ones: what compare() matches clause by clause. */
  clauses: ProvisionClause[];
  /** Domain ids from the topic taxonomy, strongest first. */
  domains: string[];
  /** The entities named inside the provision. */
  entities: Pick<EntityMention, "id" | "type" | "name" | "text" | "start" | "end">[];
}

/** What kind of text a document is, as far as its provisions go. */
export type DocumentKind = "statement" | "news" | "other";

/** The kind of a document, and what it was told from. */
export interface KindOf {
  kind: DocumentKind;
  /** Readable reasons: "the title names a joint statement", "12 of 20 sentences are provisions". */
  evidence: string[];
}
