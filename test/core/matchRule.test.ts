// Routing rules: every named criterion must match; lowest priority number wins; ties go to the oldest rule.
import { pickRule, ruleMatches, type RoutableQuestion } from "../../src/core/routing/matchRule";
import type { RoutingRule } from "../../src/core/kernel/model";

function rule(id: number, criteria: Partial<Omit<RoutingRule, "id">> = {}): RoutingRule {
  return {
    id,
    priority: 100,
    targets: [{ surface: "slack", channelId: `C${id}` }],
    categories: [],
    tags: [],
    keywords: [],
    languages: [],
    promiseMinutes: null,
    escalateSurface: null,
    escalateKind: null,
    escalateTo: null,
    ...criteria,
  };
}

const question: RoutableQuestion = {
  title: "Factuur dubbel afgeschreven na overstap naar jaarabonnement",
  bodyText: "Vorige week ben ik overgestapt van een maandabonnement naar een jaarabonnement.",
  categorySlug: "support",
  tags: ["facturatie", "abonnement"],
  language: "nl",
};

describe("ruleMatches: each criterion", () => {
  test("category", () => {
    expect(ruleMatches(rule(1, { categories: ["support"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { categories: ["sales", "SUPPORT"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { categories: ["sales"] }), question)).toBe(false);
    expect(ruleMatches(rule(1, { categories: ["support"] }), { ...question, categorySlug: null })).toBe(false);
  });

  test("tag: any listed tag, case-insensitive", () => {
    expect(ruleMatches(rule(1, { tags: ["abonnement"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { tags: ["export", "Facturatie"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { tags: ["export"] }), question)).toBe(false);
    expect(ruleMatches(rule(1, { tags: ["facturatie"] }), { ...question, tags: [] })).toBe(false);
  });

  test("keyword: any listed keyword, in the title or the body", () => {
    expect(ruleMatches(rule(1, { keywords: ["dubbel afgeschreven"] }), question)).toBe(true); // title
    expect(ruleMatches(rule(1, { keywords: ["maandabonnement"] }), question)).toBe(true); // body
    expect(ruleMatches(rule(1, { keywords: ["storing", "JAARABONNEMENT"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { keywords: ["storing"] }), question)).toBe(false);
    expect(ruleMatches(rule(1, { keywords: ["maandabonnement"] }), { ...question, bodyText: null })).toBe(false);
  });

  test("language", () => {
    expect(ruleMatches(rule(1, { languages: ["nl"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { languages: ["en"] }), question)).toBe(false);
    expect(ruleMatches(rule(1, { languages: ["nl"] }), { ...question, language: null })).toBe(false);
  });

  test("every named criterion must match", () => {
    expect(ruleMatches(rule(1, { categories: ["support"], tags: ["facturatie"], keywords: ["factuur"], languages: ["nl"] }), question)).toBe(true);
    expect(ruleMatches(rule(1, { categories: ["support"], tags: ["facturatie"], keywords: ["factuur"], languages: ["en"] }), question)).toBe(false);
    expect(ruleMatches(rule(1, { categories: ["sales"], tags: ["facturatie"] }), question)).toBe(false);
    expect(ruleMatches(rule(1, { tags: ["export"], keywords: ["factuur"] }), question)).toBe(false);
  });

  test("a rule without criteria matches anything", () => {
    expect(ruleMatches(rule(1), question)).toBe(true);
  });
});

describe("pickRule", () => {
  test("no rules, or none matching → null", () => {
    expect(pickRule([], question)).toBeNull();
    expect(pickRule([rule(1, { tags: ["export"] }), rule(2, { languages: ["en"] })], question)).toBeNull();
  });

  test("the matching rule with the lowest priority number wins, whatever the list order", () => {
    const rules = [
      rule(1, { tags: ["facturatie"], priority: 50 }),
      rule(2, { languages: ["nl"], priority: 10 }),
      rule(3, { categories: ["support"], priority: 30 }),
    ];
    expect(pickRule(rules, question)?.id).toBe(2);
    expect(pickRule([...rules].reverse(), question)?.id).toBe(2);
  });

  test("a better-priority rule that does not match is passed over", () => {
    const rules = [rule(1, { tags: ["export"], priority: 1 }), rule(2, { tags: ["facturatie"], priority: 20 })];
    expect(pickRule(rules, question)?.id).toBe(2);
  });

  test("priority 0 beats the default 100", () => {
    expect(pickRule([rule(1, { tags: ["facturatie"] }), rule(2, { tags: ["abonnement"], priority: 0 })], question)?.id).toBe(2);
  });

  test("equal priority: the oldest rule (lowest id) wins, whatever the list order", () => {
    const rules = [rule(7, { tags: ["facturatie"] }), rule(3, { languages: ["nl"] }), rule(5, { categories: ["support"] })];
    expect(pickRule(rules, question)?.id).toBe(3);
    expect(pickRule([...rules].reverse(), question)?.id).toBe(3);
  });

  test("does not reorder the caller's list", () => {
    const rules = [rule(2, { priority: 5 }), rule(1, { priority: 1 })];
    pickRule(rules, question);
    expect(rules.map((r) => r.id)).toEqual([2, 1]);
  });
});
