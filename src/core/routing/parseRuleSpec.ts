// `route add [#channel] tag:billing category:support keyword:factuur lang:nl priority:10 promise:4h escalate:#leads`
// (channels and people as the core's tokens, see commands/references.ts)
import type { RoutingRule } from "../kernel/model";
import { channelIn, channelToken, personIn, personToken } from "../kernel/references";

export type RuleSpec = Pick<RoutingRule, "categories" | "tags" | "keywords" | "languages" | "priority" | "promiseMinutes"> & {
  channelId: string | null;
  /** Who hears of a missed promise: a channel or a person; "here" is the channel the command came from. */
  escalate: { kind: "channel" | "user"; id: string } | "here" | null;
};

export type RuleSpecResult = { ok: true; spec: RuleSpec } | { ok: false; problem: string };

/** 4h, 90m, 1h30m: at most a business month. */
const DURATION = /^(?:(\d{1,3})h)?(?:(\d{1,4})m)?$/i;

function promiseMinutes(text: string): number | null {
  const match = DURATION.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  return minutes > 0 && minutes <= 200 * 60 ? minutes : null;
}

export function parseRuleSpec(tokens: string[]): RuleSpecResult {
  const spec: RuleSpec = { channelId: null, categories: [], tags: [], keywords: [], languages: [], priority: 100, promiseMinutes: null, escalate: null };
  for (const token of tokens) {
    const mentioned = channelIn(token);
    if (mentioned) {
      spec.channelId = mentioned;
      continue;
    }
    const [key, ...rest] = token.split(":");
    const value = rest.join(":").trim();
    if (!value) return { ok: false, problem: token };
    switch (key?.toLowerCase()) {
      case "category":
        spec.categories.push(value.toLowerCase());
        break;
      case "tag":
        spec.tags.push(value.toLowerCase());
        break;
      case "keyword":
      case "kw":
        spec.keywords.push(value.replace(/_/g, " ").toLowerCase());
        break;
      case "lang":
      case "language":
        if (value.toLowerCase() !== "nl" && value.toLowerCase() !== "en") return { ok: false, problem: token };
        spec.languages.push(value.toLowerCase());
        break;
      case "promise": {
        const minutes = promiseMinutes(value);
        if (minutes === null) return { ok: false, problem: token };
        spec.promiseMinutes = minutes;
        break;
      }
      case "escalate": {
        const channel = channelIn(value);
        const user = personIn(value);
        if (value.toLowerCase() === "here") spec.escalate = "here";
        else if (channel) spec.escalate = { kind: "channel", id: channel };
        else if (user) spec.escalate = { kind: "user", id: user };
        else return { ok: false, problem: token };
        break;
      }
      case "priority": {
        const priority = Number(value);
        if (!Number.isInteger(priority) || priority < 0 || priority > 10000) return { ok: false, problem: token };
        spec.priority = priority;
        break;
      }
      default:
        return { ok: false, problem: token };
    }
  }
  if (!spec.categories.length && !spec.tags.length && !spec.keywords.length && !spec.languages.length) {
    return { ok: false, problem: "no criteria" };
  }
  if (spec.escalate && spec.promiseMinutes === null) return { ok: false, problem: "escalate without promise" };
  return { ok: true, spec };
}

export function describeRule(rule: Pick<RoutingRule, "categories" | "tags" | "keywords" | "languages"> & Partial<Pick<RoutingRule, "promiseMinutes">>): string {
  return [
    ...rule.categories.map((v) => `category:${v}`),
    ...rule.tags.map((v) => `tag:${v}`),
    ...rule.keywords.map((v) => `keyword:${v.replace(/ /g, "_")}`),
    ...rule.languages.map((v) => `lang:${v}`),
    ...(rule.promiseMinutes ? [`promise:${formatDuration(rule.promiseMinutes)}`] : []),
  ].join(" ");
}

/** The words that read back as this rule (its channels aside): what an edit form starts from. */
export function ruleWords(rule: Omit<RoutingRule, "id" | "targets">): string {
  const escalate =
    rule.escalateTo && rule.escalateKind ? `escalate:${rule.escalateKind === "user" ? personToken(rule.escalateTo) : channelToken(rule.escalateTo)}` : null;
  return [describeRule(rule), `priority:${rule.priority}`, escalate].filter(Boolean).join(" ");
}

/** 240 → "4h", 90 → "1h30m". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours ? `${hours}h` : ""}${rest ? `${rest}m` : ""}` || "0m";
}
