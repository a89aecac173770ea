// What the model must answer about a customer post, as a zod schema (checked on every answer) and as the JSON
// schema sent with the request (structured output). Labels must come from the admin's lists.
import { z } from "zod";

export const AI_KINDS = ["question", "complaint", "idea", "praise", "other"] as const;
export const URGENCIES = ["low", "normal", "high"] as const;
export const SENTIMENTS = ["negative", "neutral", "positive"] as const;

export interface AllowedLabels {
  topics: string[];
  /** Routing targets offered to the model, e.g. "rule:3". */
  targets: string[];
  /** The languages a summary is written in, one line each. */
  locales: string[];
}

function shape(allowed: AllowedLabels, strictLists: boolean) {
  const topic = strictLists && allowed.topics.length ? z.enum(allowed.topics as [string, ...string[]]) : z.string();
  const target = strictLists && allowed.targets.length ? z.enum(allowed.targets as [string, ...string[]]) : z.string();
  return z
    .object({
      kind: z.enum(AI_KINDS),
      topics: z.array(topic).max(3),
      /** ISO 639-1 code of the customer's language. */
      language: z.string().regex(/^[a-z]{2}$/),
      urgency: z.enum(URGENCIES),
      sentiment: z.enum(SENTIMENTS),
      summaries: z.object(Object.fromEntries(allowed.locales.map((locale) => [locale, z.string().min(1).max(240)]))).strict(),
      /** The best routing target, or null when none fits. */
      target: target.nullable(),
      confidence: z.number().min(0).max(1),
    })
    .strict();
}

export type AiClassification = z.infer<ReturnType<typeof shape>> & { summaries: Record<string, string> };

/** Bounds some OpenAI-compatible servers refuse in a structured-output schema; the zod check enforces them. */
const UNPORTABLE = new Set(["$schema", "minLength", "maxLength", "pattern", "minimum", "maximum", "maxItems"]);

function portable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(portable);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !UNPORTABLE.has(key))
      .map(([key, value]) => [key, portable(value)]),
  );
}

/** The JSON schema for the request: the lists become enums, so a compliant model cannot leave them. */
export function requestSchema(allowed: AllowedLabels): Record<string, unknown> {
  return portable(z.toJSONSchema(shape(allowed, true), { target: "draft-7" })) as Record<string, unknown>;
}

export type ParsedClassification = { ok: true; classification: AiClassification } | { ok: false; problem: "not_json" | "invalid" | "off_list"; detail: string };

export function parseClassification(text: string, allowed: AllowedLabels): ParsedClassification {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, problem: "not_json", detail: text.slice(0, 200) };
  }
  const parsed = shape(allowed, false).safeParse(json);
  if (!parsed.success)
    return { ok: false, problem: "invalid", detail: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
  const classification = parsed.data as AiClassification;
  const offTopics = classification.topics.filter((topic) => !allowed.topics.includes(topic));
  const offTarget = classification.target !== null && !allowed.targets.includes(classification.target) ? [classification.target] : [];
  if (offTopics.length || offTarget.length) return { ok: false, problem: "off_list", detail: [...offTopics, ...offTarget].join(", ") };
  return { ok: true, classification };
}
