// Which customer story a channel gets: preference order, channel rules, the 30-day rule, rotating questions.
import { DISCUSSION_PROMPTS, nextPrompt, pickStory } from "../../src/core/stories/pickStory";
import type { Question, RoutingRule } from "../../src/core/kernel/model";
import type { StoryCandidate } from "../../src/core/kernel/story";

const now = new Date("2026-11-23T08:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

function candidate(topicId: number, facts: Partial<Question> & { answeredDaysAgo?: number; byColleague?: boolean } = {}): StoryCandidate {
  const { answeredDaysAgo = 10, byColleague = false, ...question } = facts;
  return {
    question: {
      id: `q${topicId}`,
      community: "discourse",
      topicId,
      title: `Topic ${topicId}`,
      bodyText: "My invoice is wrong",
      authorUsername: "cust",
      authorName: "Customer",
      categoryId: null,
      categorySlug: "support",
      tags: [],
      hasTopicFacts: true,
      language: "en",
      kind: "question",
      url: `https://community.example/t/x/${topicId}`,
      postedAt: daysAgo(answeredDaysAgo + 1),
      status: byColleague ? "answered" : "answered_elsewhere",
      routedAt: null,
      answeredBy: "Sanne",
      answeredUrl: null,
      followUpBy: null,
      followUpUrl: null,
      topics: [],
      urgency: null,
      sentiment: null,
      summaries: null,
      aiOutcome: null,
      aiConfidence: null,
      promiseMinutes: null,
      promiseDueAt: null,
      promiseRuleId: null,
      promiseStage: 0,
      firstAnsweredAt: null,
      problemGroupId: null,
      experts: [],
      ideaStatus: null,
      ideaStatusBy: null,
      ideaStatusAt: null,
      claimedById: null,
      claimExpiresAt: null,
      ...question,
    },
    answeredAt: daysAgo(answeredDaysAgo),
    byColleague,
  };
}

const pick = (candidates: StoryCandidate[], extra: { channelRules?: RoutingRule[]; shown?: Array<{ questionId: string; shownAt: Date }> } = {}) =>
  pickStory({ candidates, channelRules: extra.channelRules ?? [], shown: extra.shown ?? [], now });

const rule = (criteria: Partial<RoutingRule>): RoutingRule => ({
  id: 1,
  priority: 10,
  targets: [],
  categories: [],
  tags: [],
  keywords: [],
  languages: [],
  promiseMinutes: null,
  escalateSurface: null,
  escalateKind: null,
  escalateTo: null,
  ...criteria,
});

describe("preference order", () => {
  const everything = [
    candidate(1, { answeredDaysAgo: 1 }),
    candidate(2, { kind: "idea", tags: ["Shipped"], answeredDaysAgo: 2 }),
    candidate(3, { kind: "complaint", answeredDaysAgo: 20 }),
    candidate(4, { byColleague: true, answeredDaysAgo: 3 }),
  ];

  test("a colleague's answer this week comes first", () => {
    expect(pick(everything)).toMatchObject({ candidate: { question: { topicId: 4 } }, reason: "colleague_this_week" });
  });

  test("then a complaint turned around, then an idea that shipped, then any recent answer", () => {
    const withoutColleague = everything.filter((c) => c.question.topicId !== 4);
    expect(pick(withoutColleague)).toMatchObject({ candidate: { question: { topicId: 3 } }, reason: "complaint_turned_around" });
    const withoutComplaint = withoutColleague.filter((c) => c.question.topicId !== 3);
    expect(pick(withoutComplaint)).toMatchObject({ candidate: { question: { topicId: 2 } }, reason: "idea_shipped" });
    expect(pick([candidate(1, { answeredDaysAgo: 1 })])).toMatchObject({ candidate: { question: { topicId: 1 } }, reason: "recently_answered" });
  });

  test("a colleague's answer from before this week is only a recent answer", () => {
    expect(pick([candidate(4, { byColleague: true, answeredDaysAgo: 8 }), candidate(5, { answeredDaysAgo: 1 })])).toMatchObject({
      candidate: { question: { topicId: 5 } },
      reason: "recently_answered",
    });
  });

  test("an idea without a shipped tag is no shipped idea: there is no data for it, so that preference is skipped", () => {
    expect(pick([candidate(2, { kind: "idea", tags: ["wish"], answeredDaysAgo: 1 }), candidate(1, { answeredDaysAgo: 5 })])).toMatchObject({
      candidate: { question: { topicId: 2 } },
      reason: "recently_answered",
    });
  });

  test("within a preference, the freshest answer wins, whatever order the candidates came in", () => {
    const complaints = [candidate(7, { kind: "complaint", answeredDaysAgo: 9 }), candidate(8, { kind: "complaint", answeredDaysAgo: 2 })];
    expect(pick(complaints)?.candidate.question.topicId).toBe(8);
    expect(pick([...complaints].reverse())?.candidate.question.topicId).toBe(8);
  });

  test("answers older than the window are not recent, and nothing at all means no story", () => {
    expect(pick([candidate(1, { answeredDaysAgo: 91 })])).toBeNull();
    expect(pick([])).toBeNull();
  });
});

describe("the channel's routing rules", () => {
  const billing = candidate(1, { tags: ["billing"], answeredDaysAgo: 5 });
  const shipping = candidate(2, { tags: ["shipping"], answeredDaysAgo: 1 });

  test("only questions its rules would send here fit the channel", () => {
    expect(pick([billing, shipping], { channelRules: [rule({ tags: ["billing"] })] })?.candidate.question.topicId).toBe(1);
    expect(pick([shipping], { channelRules: [rule({ tags: ["billing"] })] })).toBeNull();
  });

  test("any rule of the channel will do; a channel without rules takes any question", () => {
    const rules = [rule({ tags: ["billing"] }), rule({ id: 2, keywords: ["invoice"] })];
    expect(pick([shipping], { channelRules: rules })?.candidate.question.topicId).toBe(2);
    expect(pick([billing, shipping])?.candidate.question.topicId).toBe(2);
  });
});

describe("never the same story twice in a channel within 30 days", () => {
  const one = candidate(1, { answeredDaysAgo: 40 });
  const two = candidate(2, { answeredDaysAgo: 50 });

  test("a story shown 29 days ago is passed over; the next best one comes instead", () => {
    expect(pick([one, two], { shown: [{ questionId: "q1", shownAt: daysAgo(29) }] })?.candidate.question.topicId).toBe(2);
    expect(pick([one], { shown: [{ questionId: "q1", shownAt: daysAgo(29) }] })).toBeNull();
  });

  test("after 30 days it may come back", () => {
    expect(pick([one, two], { shown: [{ questionId: "q1", shownAt: daysAgo(31) }] })?.candidate.question.topicId).toBe(1);
  });

  test("a preferred story shown lately does not block the others", () => {
    const colleague = candidate(3, { byColleague: true, answeredDaysAgo: 1 });
    expect(pick([colleague, one], { shown: [{ questionId: "q3", shownAt: daysAgo(2) }] })).toMatchObject({
      candidate: { question: { topicId: 1 } },
      reason: "recently_answered",
    });
  });
});

describe("discussion questions rotate", () => {
  test("the first story asks the first question; each next one the next, round and round", () => {
    expect(nextPrompt(null)).toBe(0);
    const asked = [nextPrompt(null)];
    for (let i = 0; i < DISCUSSION_PROMPTS; i++) asked.push(nextPrompt(asked.at(-1)!));
    expect(asked).toEqual([0, 1, 2, 3, 4, 5, 0]);
    expect(DISCUSSION_PROMPTS).toBeGreaterThanOrEqual(5);
  });
});
