// Story cards on both surfaces: the same words, the customer's text made inert, every discussion question in
// every language.
import { readFileSync } from "node:fs";
import path from "node:path";
import { storyCard as slackStoryCard } from "../../src/chat/slack/presenters/storyCard";
import { storyCard as teamsStoryCard } from "../../src/chat/teams/presenters/storyCard";
import { DISCUSSION_PROMPTS } from "../../src/core/stories/pickStory";
import { LOCALES } from "../../src/i18n";
import type { StoryView } from "../../src/core/ports/views/storyView";

const view: StoryView = {
  storyId: "s1",
  locale: "nl",
  reason: "complaint_turned_around",
  title: "Dubbel afgeschreven",
  url: "https://community.example/t/x/7",
  quote: "Twee keer betaald <!channel> *nu* [klik](https://evil.example)",
  customer: "Marieke",
  outcome: "community",
  helper: "Joost_",
  replyUrl: "https://community.example/t/x/7/2",
  closed: true,
  promptIndex: 3,
  postedAt: new Date("2026-11-20T09:00:00Z"),
  now: new Date("2026-11-23T09:00:00Z"),
};

test("Slack: the customer's words cannot mention anyone; the card speaks the channel's language", () => {
  const text = JSON.stringify(slackStoryCard(view));
  expect(text).toContain("&lt;!channel&gt;");
  expect(text).not.toContain("<!channel>");
  expect(text).toContain("Een klacht die goed afliep");
  expect(text).toContain("Marieke schreef, 3 dagen geleden:");
  expect(text).toContain("Op de community beantwoord door Joost_ · het topic is nu gesloten");
  expect(text).toContain("<https://community.example/t/x/7/2|Lees het hele topic>");
  expect(text).toContain("Wat zegt deze vraag over ons product of onze documentatie?");
});

test("Teams: the same words, the customer's markdown made inert", () => {
  const card = teamsStoryCard(view);
  const text = JSON.stringify(card);
  expect(text).toContain("\\\\*nu\\\\* \\\\[klik\\\\](https://evil.example)");
  expect(text).toContain("Joost\\\\_");
  expect(text).toContain("[Lees het hele topic](https://community.example/t/x/7/2)");
  expect(text).toContain("Wat zegt deze vraag over ons product of onze documentatie?");
  expect(card.actions).toBeUndefined();
});

test("every discussion question exists, and differs, in every language", () => {
  for (const locale of LOCALES) {
    // From the file itself: i18next would quietly fall back to English for a missing one.
    const { story } = JSON.parse(readFileSync(path.join(__dirname, `../../locales/${locale}.json`), "utf8")) as { story: { prompt: Record<string, string> } };
    const prompts = Array.from({ length: DISCUSSION_PROMPTS }, (_, index) => story.prompt[index]);
    expect(prompts.every(Boolean)).toBe(true);
    expect(new Set(prompts).size).toBe(DISCUSSION_PROMPTS);
  }
});
