// Routing rules as admins change them, from chat (`route add|remove`) and from the console (add, edit, remove): one
// set of use cases, each checked by the policy and audited with the change as asked. Bad words change nothing.
import type { CoreDeps } from "../deps";
import type { ChatTarget, RoutingRule } from "../kernel/model";
import { authorisedChange, authoriseView, type Actor, type Refused } from "../policy";
import { parseRuleSpec, type RuleSpec } from "./parseRuleSpec";
import type { RuleFields } from "./ruleRepo";

/**
 * A rule as an admin writes it: the words of `route add` (criteria, priority, promise, escalation, and optionally
 * a #channel), and where they are written from: the surface of its channel, and the channel meant by
 * `escalate:here` and by words without a #channel.
 */
export interface RuleInput {
  spec: string;
  surface: string;
  channelId: string;
}

export type BadRule = { ok: false; problem: "bad_rule"; detail: string };
export type RuleAdded = { ok: true; rule: RoutingRule; merged: boolean };
export type RuleEdited = { ok: true; rule: RoutingRule } | BadRule | { ok: false; problem: "no_such_rule" };

/** Longer words than any rule needs are refused before they are read. */
const MAX_SPEC = 1000;

type Deps = Pick<CoreDeps, "store" | "clock" | "settings">;

export function readRule(input: RuleInput): { ok: true; fields: RuleFields; channel: ChatTarget | null } | BadRule {
  if (input.spec.length > MAX_SPEC) return { ok: false, problem: "bad_rule", detail: `${input.spec.slice(0, 40)}…` };
  const parsed = parseRuleSpec(input.spec.split(/\s+/).filter(Boolean));
  if (!parsed.ok) return { ok: false, problem: "bad_rule", detail: parsed.problem };
  return {
    ok: true,
    fields: ruleFields(parsed.spec, input),
    channel: parsed.spec.channelId ? { surface: input.surface, channelId: parsed.spec.channelId } : null,
  };
}

function ruleFields(spec: RuleSpec, input: RuleInput): RuleFields {
  const { escalate } = spec;
  const escalation = escalate === "here" ? { kind: "channel", id: input.channelId } : escalate;
  return {
    categories: spec.categories,
    tags: spec.tags,
    keywords: spec.keywords,
    languages: spec.languages,
    priority: spec.priority,
    promiseMinutes: spec.promiseMinutes,
    escalateSurface: escalation ? input.surface : null,
    escalateKind: escalation?.kind ?? null,
    escalateTo: escalation?.id ?? null,
  };
}

export async function listRules(deps: Deps, who: Actor): Promise<{ ok: true; rules: RoutingRule[]; fallback: ChatTarget | null } | Refused> {
  if (!(await authoriseView(deps, who, "routing.list", { subject: null }))) return { ok: false, problem: "not_allowed" };
  const [rules, fallback] = await Promise.all([deps.store.rules.list(), deps.store.channels.fallback()]);
  return { ok: true, rules, fallback };
}

/** A rule with the same criteria and priority as one that exists gains its channel instead (`merged`). */
export function addRule(deps: Deps, who: Actor, input: RuleInput): Promise<RuleAdded | BadRule | Refused> {
  return authorisedChange<RuleAdded | BadRule>(deps, who, "routing.add", { subject: null, detail: input.spec }, async (tx) => {
    const read = readRule(input);
    if (!read.ok) return { outcome: read, audit: null };
    const added = await tx.rules.add({ ...read.fields, target: read.channel ?? { surface: input.surface, channelId: input.channelId }, createdBy: who.userId });
    return { outcome: { ok: true, ...added }, audit: { subject: ruleSubject(added.rule.id), detail: input.spec } };
  });
}

/**
 * Replaces the rule's criteria, priority, promise and escalation with the words given; its channels stay unless the
 * words name one, which then becomes its only channel.
 */
export function editRule(deps: Deps, who: Actor, id: number, input: RuleInput): Promise<RuleEdited | Refused> {
  return authorisedChange<RuleEdited>(deps, who, "routing.edit", { subject: ruleSubject(id), detail: input.spec }, async (tx) => {
    const read = readRule(input);
    if (!read.ok) return { outcome: read, audit: null };
    const rule = await tx.rules.update(id, read.fields, read.channel ? [read.channel] : null);
    if (!rule) return { outcome: { ok: false, problem: "no_such_rule" }, audit: null };
    return { outcome: { ok: true, rule }, audit: { subject: ruleSubject(id), detail: input.spec } };
  });
}

export function removeRule(deps: Deps, who: Actor, id: number): Promise<{ ok: true; removed: boolean } | Refused> {
  return authorisedChange<{ ok: true; removed: boolean }>(deps, who, "routing.remove", { subject: ruleSubject(id) }, async (tx) => {
    const removed = await tx.rules.remove(id);
    return { outcome: { ok: true, removed }, audit: removed ? { subject: ruleSubject(id) } : null };
  });
}

const ruleSubject = (id: number) => `rule:${id}`;
