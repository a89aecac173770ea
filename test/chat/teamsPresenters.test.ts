// Adaptive Card presenters: pure functions of the core's views.
import { questionCard } from "../../src/chat/teams/presenters/questionCard";
import { noticeCard } from "../../src/chat/teams/presenters/notice";
import { teamsMarkup } from "../../src/chat/teams/presenters/teamsMarkup";
import type { CardView } from "../../src/core/ports/views/cardView";

const now = new Date("2026-11-23T13:00:00Z");
const view = (state: CardView["state"], actions: CardView["actions"]): CardView => ({
  cardId: "card-1",
  topicId: 4821,
  locale: "en",
  title: "Invoice *twice* [click](https://evil.example)",
  excerpt: "Since the switch I pay twice_over.",
  url: "https://community.voltaro.example/t/factuur/4821",
  author: "Marieke",
  category: "support",
  tags: ["facturatie"],
  language: "nl",
  kind: "question",
  postedAt: new Date(now.getTime() - 3 * 3600_000),
  now,
  state,
  actions,
  routing: null,
  summary: null,
  promise: null,
  experts: [],
  idea: null,
});

type Element = { type: string; text?: string; verb?: string; data?: Record<string, unknown> };

test("an open card: Claim is a Universal Action, Answer and Not for us open dialogs, and the card can refresh itself", () => {
  const card = questionCard(view({ type: "open" }, ["claim", "answer", "pass"]), "Europe/Amsterdam");
  const actions = card.actions as Element[];
  expect(actions.map((action) => [action.type, action.verb ?? action.data?.action])).toEqual([
    ["Action.Execute", "advocate.claim"],
    ["Action.Submit", "advocate.answer"],
    ["Action.Submit", "advocate.pass"],
  ]);
  expect(actions[1]?.data).toEqual({ msteams: { type: "task/fetch" }, action: "advocate.answer", topicId: 4821 });
  expect(card.refresh).toEqual({ action: { type: "Action.Execute", verb: "advocate.refresh", data: { topicId: 4821 } } });
  const texts = (card.body as Element[]).map((element) => element.text).join("\n");
  // Customer text cannot format or link: emphasis and brackets are escaped, the title links to the topic.
  expect(texts).toContain("[Invoice \\*twice\\* \\[click\\](https://evil.example)](https://community.voltaro.example/t/factuur/4821)");
  expect(texts).toContain("twice\\_over");
  expect(texts).toContain("3 hours ago");
});

test("claimed and answered cards say so, with the claim time in 24-hour company time", () => {
  const claimed = questionCard(
    view({ type: "claimed", by: "Sanne", until: new Date("2026-11-23T15:30:00Z") }, ["release", "answer", "pass"]),
    "Europe/Amsterdam",
  );
  expect(JSON.stringify(claimed.body)).toContain("Sanne is on it (until 16:30)");
  expect((claimed.actions as Element[])[0]?.verb).toBe("advocate.release");
  const answered = questionCard(view({ type: "answered", by: "Sanne", url: "https://community.voltaro.example/t/factuur/4821/3" }, []), "Europe/Amsterdam");
  expect(answered.actions).toEqual([]);
  expect(JSON.stringify(answered.body)).toContain("[view reply](https://community.voltaro.example/t/factuur/4821/3)");
});

test("a notice with the employee's rejected text gives it back exactly, without markdown", () => {
  const card = noticeCard({ type: "answer_failed", title: "Factuur", reason: "Body is too short", text: "**Mijn** tekst_met [link](x)" }, "nl");
  expect(JSON.stringify(card.body)).toContain('"text":"**Mijn** tekst_met [link](x)"');
  expect(JSON.stringify(card.body)).toContain("Body is too short");
});

test("escape leaves ordinary punctuation alone", () => {
  expect(teamsMarkup.escape("Factuur (maart) #2 - €10,00!")).toBe("Factuur (maart) #2 - €10,00!");
});

test("an AI-routed card shows the model's summary and how sure it was, as plain text", () => {
  const card = questionCard(
    { ...view({ type: "open" }, ["claim"]), summary: "Charged *twice* after switching", routing: { by: "ai", confidence: 0.86 } },
    "Europe/Amsterdam",
  );
  const texts = (card.body as Element[]).map((element) => element.text ?? "");
  expect(texts).toContain("In short: Charged \\*twice\\* after switching · Routed by AI (86 % sure)");
});
