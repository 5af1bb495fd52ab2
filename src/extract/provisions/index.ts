import { foldKey } from "../../text/fold.js";
import { sentences } from "../../text/sentences.js";
import { within } from "../../text/spans.js";
import type { EntityMention } from "../entities/types.js";
import { defaultProvisionLexicon, type ProvisionLexicon, phraseAt } from "./lexicon.js";
import type { Actor, Modality, Provision } from "./types.js";

export type * from "./types.js";

export interface ProvisionOptions {
  title?: string | null;
  /** Domain ids of a span, strongest first (the topic tagger). */
  domainsOf?: (start: number, end: number) => string[];
  lexicon?: ProvisionLexicon;
}

interface Word {
  folded: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;
const NEGATION = new Set(["not", "never", "neither", "nor", "khong", "chua"]);
const FUTURE = new Set(["will", "shall", "se"]);
const ASPIRATION = new Set([
  "wish",
  "wishes",
  "desire",
  "hope",
  "hoped",
  "ready",
  "readiness",
  "aim",
  "aims",
  "strive",
  "determination",
  "determined",
  "intend",
  "intention",
  "mong",
  "san",
]);
const DIPLOMATIC =
  /joint (?:statement|communiqu|declaration|press release|vision)|tuyên bố chung|thông cáo chung/i;
// Actor, a few adverbs and the verb come first: no provision needs more words than this read.
const MAX_WORDS = 18;

function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  for (const m of text.slice(start, Math.min(end, start + 200)).matchAll(WORD)) {
    const s = start + (m.index ?? 0);
    out.push({ folded: foldKey(m[0]), start: s, end: s + m[0].length });
    if (out.length >= MAX_WORDS) break;
  }
  return out;
}

/** The subject at word `at`: an actor phrase, "the <demonym> side", "phía <country>", or countries. */
function actorAt(
  ws: Word[],
  at: number,
  countries: Map<number, EntityMention>,
  lex: ProvisionLexicon,
  text: string,
): { actor: Actor; next: number } | null {
  const folded = ws.map((w) => w.folded);
  const phrase = phraseAt(folded, at, lex.actors);
  if (phrase) {
    const last = ws[at + phrase.words.length - 1] as Word;
    return {
      actor: { kind: phrase.value, text: text.slice((ws[at] as Word).start, last.end), ids: [] },
      next: at + phrase.words.length,
    };
  }
  const country = (i: number) => {
    const w = ws[i];
    return w ? countries.get(w.start) : undefined;
  };
  const after = (c: EntityMention) => ws.findIndex((w) => w.start >= c.end);
  // "the Russian side(s)", "phía Nga"
  const lead = folded[at];
  const c1 = lead === "the" || lead === "phia" ? country(at + 1) : undefined;
  if (c1) {
    const i = after(c1);
    const side = folded[i] === "side" || folded[i] === "sides";
    if (lead === "phia" || side) {
      const end = side ? (ws[i] as Word).end : c1.end;
      return {
        actor: { kind: "side", text: text.slice((ws[at] as Word).start, end), ids: [c1.id] },
        next: side ? i + 1 : i,
      };
    }
  }
  // "Russia …", "Viet Nam and Russia …"
  const c2 = country(at);
  if (!c2) return null;
  let i = after(c2);
  const c3 = folded[i] === "and" || folded[i] === "va" ? country(i + 1) : undefined;
  if (c3) {
    i = after(c3);
    return {
      actor: { kind: "both", text: text.slice(c2.start, c3.end), ids: [c2.id, c3.id] },
      next: i < 0 ? ws.length : i,
    };
  }
  if (c2.variant === "demonym") return null; // "Russian experts said …" is no state speaking
  return { actor: { kind: "country", text: c2.text, ids: [c2.id] }, next: i < 0 ? ws.length : i };
}

/**
 * Finds the provisions of a diplomatic text: sentences whose subject is an actor ("Both sides",
 * "The Russian side", "Viet Nam and Russia") followed, after at most a few adverbs, by a stance
 * verb ("agreed to", "reaffirmed", "voiced support for"). A negated verb ("agreed not to
 * support") makes the stance "oppose". A text with fewer than three such sentences, two of them
 * by both sides or the leaders, and no "Joint Statement"-like title, is not a diplomatic text and
 * yields none.
 */
export function findProvisions(
  text: string,
  entities: EntityMention[],
  options: ProvisionOptions = {},
): Provision[] {
  const lex = options.lexicon ?? defaultProvisionLexicon();
  const diplomatic = DIPLOMATIC.test(options.title ?? "") || DIPLOMATIC.test(text);
  // No joint actor and no joint-statement wording anywhere: no provisions to look for. (The
  // test reads NFC text, as ingest gives, with or without Vietnamese diacritics.)
  if (!(diplomatic || lex.jointPattern.test(text))) {
    return [];
  }
  const countries = new Map(
    entities.filter((e) => e.type === "country").map((e) => [e.start, e] as const),
  );
  const sorted = [...entities].sort((a, b) => a.start - b.start);
  const found: Provision[] = [];
  for (const s of sentences(text)) {
    const ws = words(text, s.start, s.end);
    if (ws.length < 3) continue;
    // An opening adverbial ("Accordingly,", "In addition,") before the subject.
    const comma = text.slice(s.start, (ws[Math.min(6, ws.length - 1)] as Word).end).indexOf(",");
    const starts = [0];
    if (comma >= 0) starts.push(ws.findIndex((w) => w.start > s.start + comma));
    for (const at of starts) {
      if (at < 0) continue;
      const nominal = phraseAt(
        ws.map((w) => w.folded),
        at,
        lex.nominals,
      );
      if (nominal) {
        const last = ws[at + nominal.words.length - 1] as Word;
        found.push({
          text: text.slice(s.start, s.end),
          start: s.start,
          end: s.end,
          actor: { kind: "both", text: "", ids: [] },
          stance: nominal.value,
          negated: false,
          verb: text.slice((ws[at] as Word).start, last.end),
          modality:
            nominal.value === "readiness"
              ? "aspiration"
              : nominal.value === "agree"
                ? "commitment"
                : "statement",
          domains: options.domainsOf?.(s.start, s.end) ?? [],
          entities: within(sorted, s.start, s.end).map(
            ({ id, type, name, text: t, start, end }) => ({ id, type, name, text: t, start, end }),
          ),
        });
        break;
      }
      const subject = actorAt(ws, at, countries, lex, text);
      if (!subject) continue;
      let j = subject.next;
      for (
        let filler = phraseAt(
          ws.map((w) => w.folded),
          j,
          lex.fillers,
        );
        filler;
        filler = phraseAt(
          ws.map((w) => w.folded),
          j,
          lex.fillers,
        )
      ) {
        j += filler.words.length;
      }
      const folded = ws.map((w) => w.folded);
      const verb = phraseAt(folded, j, lex.stances);
      if (!verb) continue;
      const k = j + verb.words.length;
      const negated =
        NEGATION.has(folded[k] ?? "") || (folded[k] === "to" && NEGATION.has(folded[k + 1] ?? ""));
      const stance = negated ? "oppose" : verb.value;
      const span = folded.slice(j, Math.min(folded.length, k + 6));
      const modality: Modality = span.some((w) => FUTURE.has(w))
        ? "future"
        : verb.value === "readiness" || span.some((w) => ASPIRATION.has(w))
          ? "aspiration"
          : verb.value === "agree" || verb.value === "decide"
            ? "commitment"
            : "statement";
      found.push({
        text: text.slice(s.start, s.end),
        start: s.start,
        end: s.end,
        actor: subject.actor,
        stance,
        negated,
        verb: text.slice((ws[j] as Word).start, (ws[k - 1] as Word).end),
        modality,
        domains: options.domainsOf?.(s.start, s.end) ?? [],
        entities: within(sorted, s.start, s.end).map(({ id, type, name, text: t, start, end }) => ({
          id,
          type,
          name,
          text: t,
          start,
          end,
        })),
      });
      break;
    }
  }
  const joint = found.filter((p) => p.actor.kind === "both" || p.actor.kind === "leaders").length;
  return (found.length >= 3 && joint >= 2) || (diplomatic && found.length > 0) ? found : [];
}
