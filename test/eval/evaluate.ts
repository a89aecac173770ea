// The evaluation set against the two routers: the word-list classifier with the rules an admin would write for
// these four routes, and the AI router as production runs it (the model's rule when it is sure, rules otherwise).
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { classify } from "../../src/core/questions/classify";
import { pickRule } from "../../src/core/routing/matchRule";
import { classificationRequest } from "../../src/core/ai/classifyWithAi";
import { parseClassification } from "../../src/core/ai/aiClassification";
import type { RoutingRule } from "../../src/core/kernel/model";
import type { LanguageModel } from "../../src/core/ports";

const topicSchema = z.object({
  id: z.number().int(),
  language: z.enum(["nl", "en"]),
  kind: z.enum(["question", "complaint", "idea", "praise"]),
  route: z.string(),
  title: z.string().min(1),
  body: z.string().min(1),
});
export type EvalTopic = z.infer<typeof topicSchema>;

export const EVAL_TOPICS: EvalTopic[] = z.array(topicSchema).parse(JSON.parse(readFileSync(path.join(__dirname, "topics.json"), "utf8")));

function rule(id: number, name: string, keywords: string[]): RoutingRule & { name: string } {
  return {
    id,
    name,
    priority: id * 10,
    targets: [{ surface: "slack", channelId: `#${name}` }],
    categories: [],
    tags: [],
    keywords,
    languages: [],
    promiseMinutes: null,
    escalateSurface: null,
    escalateKind: null,
    escalateTo: null,
  };
}

/** What an admin would write for these routes: keywords in both languages, billing first. */
export const EVAL_RULES = [
  rule(1, "billing", [
    "factuur",
    "termijn",
    "afgeschreven",
    "afschrijving",
    "incasso",
    "betaling",
    "teruggave",
    "afrekening",
    "invoice",
    "bill",
    "charged",
    "payment",
    "refund",
    "fee",
  ]),
  rule(2, "meter", ["meter", "storing", "reading", "outage", "power cut", "monteur"]),
  rule(3, "app", ["app", "inloggen", "login", "wachtwoord", "password", "portaal", "portal", "widget"]),
  rule(4, "contract", ["contract", "opzeggen", "overstap", "verhuis", "tarief", "switch", "moving", "tariff", "renew"]),
];
export const EVAL_TOPIC_LIST = EVAL_RULES.map((candidate) => candidate.name);

export interface Verdict {
  topic: EvalTopic;
  kind: string;
  route: string;
  /** The AI router only: rules decided because the model was unsure, failed or answered off the lists. */
  fellBack?: boolean;
}

const asPost = (topic: EvalTopic) => ({ title: topic.title, bodyText: topic.body, categorySlug: null, tags: [] });
const nameOf = (found: RoutingRule | null | undefined) => EVAL_RULES.find((candidate) => candidate.id === found?.id)?.name ?? "fallback";

export function rulesRouter(topic: EvalTopic): Verdict {
  const { kind, language } = classify(topic.title, topic.body);
  return { topic, kind, route: nameOf(pickRule(EVAL_RULES, { ...asPost(topic), language })) };
}

export async function aiRouter(model: LanguageModel, topic: EvalTopic, confidenceThreshold: number): Promise<Verdict & { tokens: number }> {
  const { request, allowed } = classificationRequest(asPost(topic), EVAL_RULES, EVAL_TOPIC_LIST);
  const rules = rulesRouter(topic);
  try {
    const answer = await model.completeJson(request);
    const tokens = answer.promptTokens + answer.completionTokens;
    const parsed = parseClassification(answer.text, allowed);
    if (!parsed.ok) return { ...rules, fellBack: true, tokens };
    const { classification } = parsed;
    const chosen = EVAL_RULES.find((candidate) => `rule:${candidate.id}` === classification.target);
    const sure = chosen && classification.confidence >= confidenceThreshold;
    return { topic, kind: classification.kind, route: sure ? nameOf(chosen) : rules.route, fellBack: !sure, tokens };
  } catch {
    return { ...rules, fellBack: true, tokens: 0 };
  }
}

export interface Accuracy {
  kind: number;
  route: number;
  nl: number;
  en: number;
}

/** Shares of topics right: kind, route, and both together per language. */
export function accuracy(verdicts: Verdict[]): Accuracy {
  const share = (list: Verdict[], right: (verdict: Verdict) => boolean) => (list.length ? list.filter(right).length / list.length : 0);
  const both = (verdict: Verdict) => verdict.kind === verdict.topic.kind && verdict.route === verdict.topic.route;
  return {
    kind: share(verdicts, (verdict) => verdict.kind === verdict.topic.kind),
    route: share(verdicts, (verdict) => verdict.route === verdict.topic.route),
    nl: share(
      verdicts.filter((verdict) => verdict.topic.language === "nl"),
      both,
    ),
    en: share(
      verdicts.filter((verdict) => verdict.topic.language === "en"),
      both,
    ),
  };
}
