// `/advocate route add [#channel] key:value …` tokens to a rule spec.
import { describeRule, parseRuleSpec } from "../../src/core/routing/parseRuleSpec";

const ok = (tokens: string[]) => {
  const result = parseRuleSpec(tokens);
  if (result.ok !== true) throw new Error(`expected ok, got problem ${result.problem}`);
  return result.spec;
};

const problem = (tokens: string[]) => {
  const result = parseRuleSpec(tokens);
  if (result.ok !== false) throw new Error("expected a problem");
  return result.problem;
};

describe("channel mention", () => {
  test("a channel token gives the channel id (the Slack adapter turns <#C123|name> into one)", () => {
    expect(ok(["#channel:C06KLNTVRG4", "tag:facturatie"]).channelId).toBe("C06KLNTVRG4");
  });

  test("no mention → channelId null (the current channel is used by the caller)", () => {
    expect(ok(["tag:facturatie"]).channelId).toBeNull();
  });

  test("a plain #name is not a mention", () => {
    expect(problem(["#support", "tag:x"])).toBe("#support");
  });
});

describe("keys", () => {
  test("category (lower-cased)", () => {
    expect(ok(["category:Support"]).categories).toEqual(["support"]);
  });

  test("tag (lower-cased), repeatable", () => {
    expect(ok(["tag:Facturatie", "tag:abonnement"]).tags).toEqual(["facturatie", "abonnement"]);
  });

  test("keyword and kw: underscores become spaces, lower-cased", () => {
    expect(ok(["keyword:Dubbel_Afgeschreven", "kw:factuur"]).keywords).toEqual(["dubbel afgeschreven", "factuur"]);
  });

  test("a value may contain colons", () => {
    expect(ok(["keyword:error:500"]).keywords).toEqual(["error:500"]);
  });

  test("lang and language accept nl and en", () => {
    expect(ok(["lang:nl", "language:en"]).languages).toEqual(["nl", "en"]);
  });

  test("keys are case-insensitive", () => {
    expect(ok(["TAG:x", "Category:y"])).toMatchObject({ tags: ["x"], categories: ["y"] });
  });

  test("priority: an integer 0..10000; default 100", () => {
    expect(ok(["tag:x"]).priority).toBe(100);
    expect(ok(["tag:x", "priority:10"]).priority).toBe(10);
    expect(ok(["tag:x", "priority:0"]).priority).toBe(0);
    expect(ok(["tag:x", "priority:10000"]).priority).toBe(10000);
  });

  test("a full spec", () => {
    expect(ok(["#channel:C123", "tag:billing", "category:support", "keyword:factuur", "lang:nl", "priority:10"])).toEqual({
      channelId: "C123",
      categories: ["support"],
      tags: ["billing"],
      keywords: ["factuur"],
      languages: ["nl"],
      priority: 10,
      promiseMinutes: null,
      escalate: null,
    });
  });

  test("a response promise and who hears when it is missed", () => {
    expect(ok(["tag:billing", "promise:4h", "escalate:#channel:C0LEADS"])).toMatchObject({ promiseMinutes: 240, escalate: { kind: "channel", id: "C0LEADS" } });
    expect(ok(["tag:billing", "promise:1h30m", "escalate:@person:U0DANA"])).toMatchObject({ promiseMinutes: 90, escalate: { kind: "user", id: "U0DANA" } });
    expect(ok(["tag:billing", "promise:45m", "escalate:here"])).toMatchObject({ promiseMinutes: 45, escalate: "here" });
  });

  test.each([["promise:0h"], ["promise:4d"], ["promise:h"], ["promise:999h"], ["escalate:#leads"]])("%s is refused", (token) => {
    expect(parseRuleSpec(["tag:billing", "promise:4h", token])).toEqual({ ok: false, problem: token });
  });

  test("an escalation needs a promise", () => {
    expect(parseRuleSpec(["tag:billing", "escalate:here"])).toEqual({ ok: false, problem: "escalate without promise" });
  });
});

describe("bad tokens are named", () => {
  test.each([
    ["unknown key", "colour:blue"],
    ["no colon", "facturatie"],
    ["empty value", "tag:"],
    ["blank value", "tag: "],
    ["unsupported language", "lang:de"],
    ["priority not a number", "priority:high"],
    ["priority with a fraction", "priority:1.5"],
    ["negative priority", "priority:-1"],
    ["priority too large", "priority:10001"],
  ])("%s", (_name, token) => {
    expect(problem(["tag:ok", token])).toBe(token);
  });

  test("the first bad token is the one reported", () => {
    expect(problem(["nope", "tag:ok", "colour:blue"])).toBe("nope");
  });
});

describe("no criteria", () => {
  test("nothing at all", () => {
    expect(problem([])).toBe("no criteria");
  });

  test("only a channel and a priority", () => {
    expect(problem(["#channel:C123", "priority:5"])).toBe("no criteria");
  });
});

test("describeRule writes back tokens that parse to the same criteria", () => {
  const spec = ok(["category:support", "tag:billing", "keyword:dubbel_afgeschreven", "lang:nl"]);
  const text = describeRule(spec);
  expect(text).toBe("category:support tag:billing keyword:dubbel_afgeschreven lang:nl");
  expect(ok(text.split(" "))).toMatchObject({ categories: spec.categories, tags: spec.tags, keywords: spec.keywords, languages: spec.languages });
});
