// What a customer's title is about, as a set of normalised keywords: lower case, no stop words, no short words.
// Two titles are about the same problem when most of the smaller set's words are in the other (at least two).
import { STOPWORDS } from "../kernel/stopwords";

const MORE_STOPWORDS = [
  "na",
  "naar",
  "over",
  "from",
  "after",
  "again",
  "still",
  "nog",
  "steeds",
  "weer",
  "help",
  "vraag",
  "question",
  "probleem",
  "problem",
  "issue",
  "klopt",
  "waarom",
  "niet",
  "werkt",
  "does",
  "doesn't",
  "don't",
  "kan",
  "can't",
  "cannot",
  "my",
  "mijn",
];
const IGNORED = new Set([...STOPWORDS.nl, ...STOPWORDS.en, ...MORE_STOPWORDS]);

export function problemKeywords(title: string): string[] {
  const words = title.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const kept = words.filter((word) => word.length >= 4 && !IGNORED.has(word)).map((word) => (word.length > 5 && word.endsWith("s") ? word.slice(0, -1) : word));
  return [...new Set(kept)];
}

/** Shared words over the smaller set's size; 0 unless at least two words are shared. */
export function sameProblemScore(a: string[], b: string[]): number {
  const shared = a.filter((word) => b.includes(word)).length;
  return shared >= 2 ? shared / Math.min(a.length, b.length) : 0;
}

export const SAME_PROBLEM = 0.6;

/** The group's label: its keywords that at least half of its members use, in the group's order. */
export function problemLabel(groupKeywords: string[], members: string[][]): string {
  const common = groupKeywords.filter((word) => members.filter((keywords) => keywords.includes(word)).length * 2 >= members.length);
  return (common.length ? common : groupKeywords).join(" ");
}
