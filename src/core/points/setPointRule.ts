// An admin changes what a contribution is worth, from chat (`points set <rule> <value>`) and from the console: one
// use case, checked by the policy and audited with the change; a rule or value it cannot read changes nothing.
import type { CoreDeps } from "../deps";
import { authorisedChange, type Actor, type Refused } from "../policy";
import { isPointRuleName, type PointRuleName } from "./pointRules";

export type PointRuleSet = { ok: true; rule: PointRuleName; value: number } | { ok: false; problem: "bad_point_rule" | "bad_point_value"; detail: string };

/** A whole number of points, small enough for the ledger's integers. */
const POINTS = /^\d{1,6}$/;

export function setPointRule(deps: Pick<CoreDeps, "store" | "clock" | "settings">, who: Actor, name: string, value: string): Promise<PointRuleSet | Refused> {
  const rule = name.toLowerCase();
  return authorisedChange<PointRuleSet>(deps, who, "points.set", { subject: `point_rule:${rule}`, detail: value }, async (tx) => {
    if (!isPointRuleName(rule)) return { outcome: { ok: false, problem: "bad_point_rule", detail: name }, audit: null };
    if (!POINTS.test(value)) return { outcome: { ok: false, problem: "bad_point_value", detail: value }, audit: null };
    await tx.pointRules.set(rule, Number(value), who.userId);
    return { outcome: { ok: true, rule, value: Number(value) }, audit: { subject: `point_rule:${rule}`, detail: value } };
  });
}
