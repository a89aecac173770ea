// The story's Teams chapter, on the same running app: Advocate is added to a team, the admin routes a tag to a
// channel, a question arrives there as an Adaptive Card, Sanne links her community account from her personal
// chat, claims the card, answers in a dialog, and gets her points. Every wait polls what the Bot Framework
// stand-in recorded, with a timeout.
import type { DiscourseStandIn } from "./standIns/discourse";
import type { AdaptiveCardJson, BotFrameworkStandIn, TeamsPost, TeamsTeam, TeamsUser } from "./standIns/botFramework";
import type { TeamsSender } from "./standIns/teamsRequests";
import { waitFor, type AppReply } from "./standIns/http";
import { askOnCommunity, check, publishedAs, StoryFailure } from "./storySteps";
import { adaptiveCardTopic, type Transcript } from "./transcript";

export const CUSTOMER_QUESTIONS = "19:a8f24c61d3b94e7f9a0b5c2d1e3f4a5b@thread.tacv2";
export const SUPPORT_TEAM: TeamsTeam = {
  id: "19:Qm3vT7xK2pLw9sRz4YcN1bHdF6gJ8kEa@thread.tacv2",
  aadGroupId: "0c9b8a7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d",
  name: "Voltaro Support",
  channels: [
    { id: CUSTOMER_QUESTIONS, name: "customer-questions" },
    { id: "19:5d0c7b2e9f3a4c1d8e6b0a2f4c6e8a1b@thread.tacv2", name: "escalations" },
  ],
};

export interface TeamsCast {
  teams: BotFrameworkStandIn;
  sender: TeamsSender;
  admin: TeamsUser;
  sanne: TeamsUser;
}

/** Plays the loop through Teams; returns Sanne's card, for the final checks. */
export async function runTeamsChapter(cast: TeamsCast, discourse: DiscourseStandIn, t: Transcript): Promise<TeamsPost> {
  const { teams, sender, admin, sanne } = cast;
  const since = () => teams.calls.length;
  const postsSince = (from: number) =>
    teams
      .connectorCalls()
      .filter((call) => call.seq > from && call.post)
      .map((call) => ({ ...call, post: call.post as TeamsPost }));

  const say = async (user: TeamsUser, channelId: string, text: string, expect: RegExp) => {
    t.line(user.displayName, `Teams ${t.channel(channelId)}`, `@Advocate ${text}`);
    const mark = since();
    check(await sender.channelMessage(user, channelId, text), `@Advocate ${text}`);
    await waitFor(`the reply to “@Advocate ${text}”`, () =>
      postsSince(mark).find(({ post }) => post.channelId === channelId && post.threadOf && expect.test(textOf(t, post.card))),
    );
  };
  const chat = async (user: TeamsUser, text: string, expect: RegExp) => {
    t.line(user.displayName, "Teams, personal chat with Advocate", text);
    const mark = since();
    check(await sender.personalMessage(user, text), text);
    await waitFor(`the reply to “${text}” in ${user.displayName}'s personal chat`, () => personalPost(mark, user, expect));
  };
  const personalPost = (from: number, user: TeamsUser, expect: RegExp) =>
    postsSince(from).find(({ post }) => post.conversationId === teams.personalChatOf(user) && expect.test(textOf(t, post.card)))?.post;
  /** An Action.Execute press: Teams shows the card the app answers with in place of the one pressed. */
  const press = async (user: TeamsUser, on: TeamsPost, verb: string, expect: RegExp, where: string) => {
    const button = on.card?.actions?.find((action) => action.verb === verb);
    if (!button) throw new StoryFailure(`the card ${on.id} has no ${verb} button`);
    t.line(user.displayName, "Teams", `presses “${String(button.title)}” on ${where}`);
    const card = invokedCard(await sender.cardAction(user, on, verb, button.data), verb);
    const lines = t.adaptive(card);
    // On a question card, the notice for the presser on top, then what changed.
    t.line(
      "Advocate",
      `Teams (invoke response: the card ${user.displayName} pressed now reads)`,
      "",
      on.channelId ? [lines[0] ?? "", ...t.adaptiveState(card)] : lines,
    );
    if (!expect.test(lines.join("\n"))) throw new StoryFailure(`unexpected card after ${verb}: ${lines.join(" / ")}`);
  };
  const cardUpdated = (card: TeamsPost, from: number, state: RegExp) =>
    teams
      .connectorCalls()
      .some(
        (call) =>
          call.seq > from && call.method === "PUT" && call.post?.id === card.id && call.post.card && state.test(t.adaptiveState(call.post.card)[0] ?? ""),
      );

  // 10. Joining a team --------------------------------------------------------------------------------
  t.heading("10. Microsoft Teams: Advocate joins a team, the admin routes a tag there");
  t.line(admin.displayName, `Teams › ${teams.team.name}`, `adds Advocate to the team (from ${t.channel(CUSTOMER_QUESTIONS)})`);
  check(await sender.botAdded(admin, CUSTOMER_QUESTIONS), "conversationUpdate (Advocate added)");
  await say(admin, CUSTOMER_QUESTIONS, "route tag:app #customer-questions", /Rule #\d+ added/);

  // 11. A question for Teams ----------------------------------------------------------------------------
  t.heading("11. A question about the app, routed to Teams");
  let mark = since();
  const topic = await askOnCommunity(discourse, t, discourse.user("tom.becker"), {
    id: 4823,
    title: "The app logs me out every time I switch between Wi-Fi and mobile data",
    tags: ["app"],
    raw: "Since the latest update (4.12 on Android) the Voltaro app logs me out whenever my phone switches from Wi-Fi to 4G, for example when I leave the house. Then I have to log in again with 2FA. Is this a known issue, and is there a setting to stay logged in?",
    minutesAgo: 3,
  });
  let card = (
    await waitFor(`the card for #${topic.id} in ${t.channel(CUSTOMER_QUESTIONS)}`, () =>
      postsSince(mark).find(({ post }) => post.channelId === CUSTOMER_QUESTIONS && !post.threadOf),
    )
  ).post;

  // 12. Link, claim, answer ---------------------------------------------------------------------------
  t.heading("12. Sanne links her account, claims the card and answers in Teams");
  mark = since();
  await chat(sanne, "link", /Looking up/);
  const offer = await waitFor("the consent card in Sanne's personal chat", () => personalPost(mark, sanne, /Yes, that's me/));
  await press(sanne, offer, "advocate.link.accept", /Linked/, "the card in her personal chat");

  mark = since();
  await press(sanne, card, "advocate.claim", /is on it/, `card ${adaptiveCardTopic(card.card)} in ${t.channel(CUSTOMER_QUESTIONS)}`);
  await waitFor("the card to show Sanne's claim for everyone", () => cardUpdated(card, mark, /is on it/));

  card = teams.posts.get(card.id) ?? card;
  const answerButton = card.card?.actions?.find((action) => (action.data as { action?: string } | undefined)?.action === "advocate.answer");
  if (!answerButton) throw new StoryFailure("the claimed card has no Answer button");
  t.line(sanne.displayName, "Teams", `presses “${String(answerButton.title)}” on card #${topic.id}`);
  // Teams sends the button's data as it is, msteams.type included.
  const dialog = openedDialog(await sender.taskFetch(sanne, card, answerButton.data as Record<string, unknown>));
  t.line(
    "Advocate",
    "Teams (task/fetch response: Teams opens a dialog for Sanne)",
    `dialog “${dialog.title}”`,
    t.adaptive(dialog.card).map((line) => line.slice(0, 110)),
  );
  const submit = dialog.card.actions?.find((action) => action.type === "Action.Submit");
  if (!submit) throw new StoryFailure("the answer dialog has no submit button");

  const answer =
    "Hi Tom, thanks for the detailed report! This is a known issue in 4.12 on Android: the session is tied to the network address. Version 4.12.2, out this week, fixes it. Until then, turning on “Stay signed in” under Settings → Security keeps you logged in when you switch networks.\n\nSanne (Voltaro)";
  t.line(sanne.displayName, "Teams", `types her answer, switches on “publish as me” and presses “${String(submit.title)}”`, [
    `│ ${answer.split("\n")[0] ?? ""}`,
  ]);
  mark = since();
  const submitted = await sender.taskSubmit(sanne, card, { ...(submit.data as Record<string, unknown>), answerText: answer, publishAsMe: "true" });
  check(submitted, "task/submit");
  const closing = (submitted.json as { task?: { type?: string; value?: unknown } } | null)?.task;
  if (closing?.type !== "message") throw new StoryFailure(`the dialog was not accepted: ${JSON.stringify(submitted.json)}`);
  t.line("Advocate", "Teams (task/submit response: the dialog closes with a message)", String(closing.value));

  await publishedAs(discourse, topic.id, "sanne.devries");
  await waitFor("the Teams card to say “Answered by Sanne”", () => cardUpdated(card, mark, /Answered by Sanne/));
  await waitFor("the answer in the card's thread", () => postsSince(mark).find(({ post }) => post.threadOf === card.id));
  await waitFor("the “+10 points” message in Sanne's personal chat", () => personalPost(mark, sanne, /\+10 points/));
  return card;
}

/** `leaderboard month` in Sanne's personal chat; resolves with the board as Teams shows it. */
export async function teamsLeaderboard(cast: TeamsCast, t: Transcript, expect: RegExp[]): Promise<void> {
  const { teams, sender, sanne } = cast;
  const mark = teams.calls.length;
  t.line(sanne.displayName, "Teams, personal chat with Advocate", "leaderboard month");
  check(await sender.personalMessage(sanne, "leaderboard month"), "leaderboard month");
  const board = await waitFor("the leaderboard in Sanne's personal chat", () =>
    teams
      .connectorCalls()
      .find((call) => call.seq > mark && call.post?.conversationId === teams.personalChatOf(sanne) && /Top advocates/.test(JSON.stringify(call.post.card))),
  );
  const text = textOf(t, board.post?.card ?? null);
  const missing = expect.filter((line) => !line.test(text));
  if (missing.length) throw new StoryFailure(`the Teams leaderboard lacks ${missing.join(", ")}: ${text}`);
}

function textOf(t: Transcript, card: AdaptiveCardJson | null): string {
  return card ? t.adaptive(card).join("\n") : "";
}

function invokedCard(reply: AppReply, verb: string): AdaptiveCardJson {
  check(reply, verb);
  const card = (reply.json as { value?: AdaptiveCardJson } | null)?.value;
  if (card?.type !== "AdaptiveCard") throw new StoryFailure(`${verb}: Advocate answered no card: ${JSON.stringify(reply.json)}`);
  return card;
}

function openedDialog(reply: AppReply): { title: string; card: AdaptiveCardJson } {
  check(reply, "task/fetch");
  const task = (reply.json as { task?: { type?: string; value?: { title?: string; card?: { content?: AdaptiveCardJson } } } } | null)?.task;
  const card = task?.value?.card?.content;
  if (task?.type !== "continue" || !card) throw new StoryFailure(`task/fetch opened no dialog: ${JSON.stringify(reply.json)}`);
  return { title: task.value?.title ?? "", card };
}
