// `/advocate route add [#channel] tag:billing category:support keyword:factuur lang:nl priority:10`
import type { RoutingRule } from "../model";

export type RuleSpec = Pick<RoutingRule, "categories" | "tags" | "keywords" | "languages" | "priority"> & {
  channelId: string | null;
};

export type RuleSpecResult = { ok: true; spec: RuleSpec } | { ok: false; problem: string };

const CHANNEL_MENTION = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/i;

export function parseRuleSpec(tokens: string[]): RuleSpecResult {
  const spec: RuleSpec = { channelId: null, categories: [], tags: [], keywords: [], languages: [], priority: 100 };
  for (const token of tokens) {
    const mention = CHANNEL_MENTION.exec(token);
    if (mention?.[1]) {
      spec.channelId = mention[1];
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
  return { ok: true, spec };
}

export function describeRule(rule: Pick<RoutingRule, "categories" | "tags" | "keywords" | "languages">): string {
  return [
    ...rule.categories.map((v) => `category:${v}`),
    ...rule.tags.map((v) => `tag:${v}`),
    ...rule.keywords.map((v) => `keyword:${v.replace(/ /g, "_")}`),
    ...rule.languages.map((v) => `lang:${v}`),
  ].join(" ");
}
