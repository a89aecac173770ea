// Rule-based understanding of a customer post: language, kind and urgency from word lists.
import type { QuestionKind } from "../kernel/model";
import { STOPWORDS } from "../kernel/stopwords";

const KIND_WORDS: Record<Exclude<QuestionKind, "question">, string[]> = {
  complaint: [
    "klacht",
    "boos",
    "teleurgesteld",
    "slecht",
    "belachelijk",
    "onacceptabel",
    "werkt niet",
    "kapot",
    "fout",
    "klopt niet",
    "dubbel afgeschreven",
    "complaint",
    "angry",
    "disappointed",
    "terrible",
    "unacceptable",
    "broken",
    "doesn't work",
    "does not work",
    "not working",
    "charged twice",
    "refund",
    "wrong",
  ],
  idea: [
    "idee",
    "suggestie",
    "voorstel",
    "zou fijn zijn",
    "zou handig zijn",
    "feature request",
    "graag zien",
    "idea",
    "suggestion",
    "would be nice",
    "would be great",
    "feature request",
    "please add",
    "wish",
  ],
  praise: [
    "bedankt voor",
    "top service",
    "geweldig",
    "compliment",
    "tevreden",
    "super blij",
    "thank you for",
    "great service",
    "awesome",
    "love it",
    "kudos",
    "well done",
    "amazing",
  ],
};

const URGENT_WORDS = ["dringend", "spoed", "urgent", "asap", "storing", "outage", "down", "direct nodig", "immediately", "critical", "kritiek"];

export interface Classification {
  language: "nl" | "en";
  kind: QuestionKind;
  urgent: boolean;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
}

export function detectLanguage(text: string, fallback: "nl" | "en" = "en"): "nl" | "en" {
  const counts = { nl: 0, en: 0 };
  for (const word of words(text)) {
    if (STOPWORDS.nl.includes(word)) counts.nl++;
    if (STOPWORDS.en.includes(word)) counts.en++;
  }
  if (counts.nl === counts.en) return fallback;
  return counts.nl > counts.en ? "nl" : "en";
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^\\p{L}])`, "u").test(haystack);
}

export function classify(title: string, body: string, fallbackLanguage: "nl" | "en" = "en"): Classification {
  const text = `${title}\n${body}`.toLowerCase();
  const score = (list: string[]) => list.filter((phrase) => containsPhrase(text, phrase)).length;
  const scores = (Object.keys(KIND_WORDS) as Array<keyof typeof KIND_WORDS>)
    .map((kind) => ({ kind, score: score(KIND_WORDS[kind]) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return {
    language: detectLanguage(text, fallbackLanguage),
    kind: scores[0]?.kind ?? "question",
    urgent: score(URGENT_WORDS) > 0,
  };
}
