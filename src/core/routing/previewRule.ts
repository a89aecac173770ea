// "This rule would have matched N of the last 100 topics": the rule's words, read as `route add` reads them, run
// through the matcher that routes (ruleMatches) over the questions Advocate took in last. A question keeps the
// language routing found for it; one not routed yet has none, so a lang: rule does not match it.
import type { CoreDeps } from "../deps";
import { authoriseView, type Actor, type Refused } from "../policy";
import { readRule, type BadRule, type RuleInput } from "./manageRules";
import { ruleMatches } from "./matchRule";

export const PREVIEW_QUESTIONS = 100;
const EXAMPLES = 5;

export interface RulePreview {
  ok: true;
  matched: number;
  /** How many questions were looked at: fewer than 100 on a young install. */
  lookedAt: number;
  /** The newest matches. */
  examples: Array<{ title: string; url: string }>;
}

export async function previewRule(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  who: Actor,
  input: RuleInput,
): Promise<RulePreview | BadRule | Refused> {
  if (!(await authoriseView(deps, who, "routing.preview", { subject: null, detail: input.spec }))) return { ok: false, problem: "not_allowed" };
  const read = readRule(input);
  if (!read.ok) return read;
  const rule = { id: 0, targets: [], ...read.fields };
  const questions = await deps.store.questions.latest(PREVIEW_QUESTIONS);
  const matches = questions.filter((question) => ruleMatches(rule, question));
  return {
    ok: true,
    matched: matches.length,
    lookedAt: questions.length,
    examples: matches.slice(0, EXAMPLES).map((question) => ({ title: question.title, url: question.url })),
  };
}
