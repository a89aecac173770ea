import type { RoutingRule } from "../kernel/model";

export interface RoutableQuestion {
  title: string;
  bodyText: string | null;
  categorySlug: string | null;
  tags: string[];
  language: string | null;
}

const norm = (value: string) => value.trim().toLowerCase();

/** A rule matches when every criterion it names matches; an empty criterion matches anything. */
export function ruleMatches(rule: RoutingRule, question: RoutableQuestion): boolean {
  const text = `${question.title}\n${question.bodyText ?? ""}`.toLowerCase();
  const tags = question.tags.map(norm);
  if (rule.categories.length && !rule.categories.map(norm).includes(norm(question.categorySlug ?? ""))) return false;
  if (rule.tags.length && !rule.tags.some((tag) => tags.includes(norm(tag)))) return false;
  if (rule.keywords.length && !rule.keywords.some((keyword) => text.includes(norm(keyword)))) return false;
  if (rule.languages.length && !rule.languages.map(norm).includes(norm(question.language ?? ""))) return false;
  return true;
}

/** The matching rule with the lowest priority number wins; ties go to the oldest rule. */
export function pickRule(rules: RoutingRule[], question: RoutableQuestion): RoutingRule | null {
  return rules.filter((rule) => ruleMatches(rule, question)).sort((a, b) => a.priority - b.priority || a.id - b.id)[0] ?? null;
}
