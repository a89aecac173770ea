// The scripted story: an admin routes questions, a Dutch billing question arrives from Discourse, Priya links her
// community account, claims and answers it from Slack, a second question gets answered by another customer,
// then the same loop plays through Teams (teamsStory.ts), and the leaderboard shows everyone's points on both.
// Every wait polls what the stand-ins recorded, with a timeout.
import type { DiscourseStandIn } from "./standIns/discourse";
import type { SlackMessage, SlackStandIn, SlackUser } from "./standIns/slackApi";
import type { SlackSender } from "./standIns/slackRequests";
import { waitFor } from "./standIns/http";
import { askOnCommunity, check, publishedAs, StoryFailure, webhookOk } from "./storySteps";
import { runTeamsChapter, teamsLeaderboard, type TeamsCast } from "./teamsStory";
import { cardTopic, type Transcript } from "./transcript";

export interface StoryCast {
  slack: SlackStandIn;
  discourse: DiscourseStandIn;
  sender: SlackSender;
  transcript: Transcript;
  admin: SlackUser;
  priya: SlackUser;
  teams: TeamsCast;
  /** Resolves when the app has no outbox work left (used before the final checks). */
  quiet(): Promise<void>;
}

export const BILLING = "C0BILLING";
export const GENERAL = "C0GENERAL";

export async function runStory(cast: StoryCast): Promise<string> {
  const { slack, discourse, sender, transcript: t, admin, priya } = cast;

  const command = async (user: SlackUser, channelId: string, text: string, expect: RegExp): Promise<string> => {
    t.line(user.displayName, `Slack ${t.channel(channelId)}`, `/advocate ${text}`);
    const reply = await sender.slashCommand(user, channelId, text);
    const shown = t.plain(String(reply.json?.text ?? ""));
    t.line("Advocate", `Slack (ephemeral reply, only ${user.displayName} sees it)`, "", shown.split("\n"));
    check(reply, `/advocate ${text}`);
    if (!expect.test(shown)) throw new StoryFailure(`unexpected reply to /advocate ${text}: ${shown}`);
    return String(reply.json?.text ?? "");
  };

  const click = async (user: SlackUser, message: SlackMessage, actionId: string, label: string) => {
    t.line(
      user.displayName,
      "Slack",
      `clicks ${label} on ${message.channel.startsWith("D") ? "the DM" : `card ${cardTopic(message)} in ${t.channel(message.channel)}`}`,
    );
    check(await sender.clickButton(user, message, actionId), `${label} click`);
  };

  const since = () => slack.calls.length;
  const postsIn = (channel: string, from: number) =>
    slack.apiCalls("chat.postMessage").filter((call) => call.seq > from && call.result.channel === channel && call.result.ok === true);
  const messageOf = (call: { result: Record<string, unknown> }): SlackMessage | undefined =>
    slack.messages.get(`${String(call.result.channel)}/${String(call.result.ts)}`);
  const cardUpdated = (card: SlackMessage, from: number, state: RegExp) =>
    slack
      .apiCalls("chat.update")
      .some(
        (call) => call.seq > from && call.result.ts === card.ts && state.test(t.cardState(slack.messages.get(`${card.channel}/${card.ts}`) ?? card)[0] ?? ""),
      );
  const responseTo = (user: SlackUser, from: number, text: RegExp) =>
    slack.responses().find((call) => call.seq > from && call.userId === user.id && text.test(String(call.body.text ?? "")));

  // 1. Routing ---------------------------------------------------------------------------------------
  t.heading("1. An admin sets up routing");
  await command(admin, GENERAL, `route add <#${BILLING}|billing-experts> tag:facturatie`, /Rule #\d+ added/);
  await command(admin, GENERAL, `route fallback <#${GENERAL}|general>`, /now go to #general/);

  // 2. A question arrives ------------------------------------------------------------------------------
  t.heading("2. A customer asks a question on the community");
  const marieke = discourse.user("marieke_vdberg");
  let mark = since();
  await askOnCommunity(discourse, t, marieke, {
    id: 4821,
    title: "Factuur dubbel afgeschreven na overstap naar jaarabonnement",
    tags: ["facturatie", "abonnement"],
    raw: "Hallo allemaal,\n\nVorige week ben ik overgestapt van een maandabonnement naar een jaarabonnement. Nu zie ik op mijn bankafschrift dat zowel de maandtermijn van november als het volledige jaarbedrag is afgeschreven.\n\nKlopt dit, of krijg ik de maandtermijn nog terug? En hoe lang duurt dat dan ongeveer?\n\nAlvast bedankt!",
    minutesAgo: 2,
  });
  const cardCall = await waitFor("the card for #4821 in #billing-experts", () => postsIn(BILLING, mark).find((call) => !call.args.thread_ts));
  let card = messageOf(cardCall);
  if (!card) throw new StoryFailure("the card was not recorded");

  // 3. Linking ---------------------------------------------------------------------------------------
  t.heading("3. Priya links her community account (with her consent)");
  mark = since();
  await command(priya, BILLING, "link", /Looking up/);
  const offerCall = await waitFor("the consent DM to Priya", () =>
    postsIn(slack.dmChannelOf(priya.id), mark).find((call) => JSON.stringify(messageOf(call)?.blocks ?? []).includes("advocate_link_accept")),
  );
  const offer = messageOf(offerCall);
  if (!offer) throw new StoryFailure("the consent DM was not recorded");
  mark = since();
  await click(priya, offer, "advocate_link_accept", "“Yes, that's me”");
  await waitFor("the “Linked” confirmation", () => responseTo(priya, mark, /Linked/));

  // 4. Claim and answer ------------------------------------------------------------------------------
  t.heading("4. Priya claims the card and answers from Slack");
  mark = since();
  card = slack.messages.get(`${card.channel}/${card.ts}`) ?? card;
  await click(priya, card, "advocate_claim", "Claim");
  await waitFor("the claim confirmation", () => responseTo(priya, mark, /yours/));
  await waitFor("the card to show Priya's claim", () => cardUpdated(card as SlackMessage, mark, /is on it/));

  mark = since();
  card = slack.messages.get(`${card.channel}/${card.ts}`) ?? card;
  await click(priya, card, "advocate_answer", "Answer");
  const opened = await waitFor("views.open for the answer modal", () =>
    slack.apiCalls("views.open").find((call) => call.seq > mark && call.result.ok === true),
  );
  const view = opened.result.view as Record<string, unknown>;
  const metadata = JSON.parse(String(view.private_metadata)) as { topicId: number; channelId: string; messageTs: string };
  if (metadata.topicId !== 4821 || metadata.channelId !== BILLING || metadata.messageTs !== card.ts) {
    throw new StoryFailure(`the modal carries the wrong context: ${String(view.private_metadata)}`);
  }
  const consentOption = findConsentOption(view);
  const answer =
    "Hoi Marieke, dank je voor je melding! Bij een overstap naar een jaarabonnement wordt de lopende maandtermijn automatisch verrekend. Je krijgt het bedrag binnen 5 werkdagen teruggestort op dezelfde rekening.\n\nGroet, Priya (Voltaro)";
  t.line(priya.displayName, "Slack", "types her answer, ticks “publish as me” and submits the modal", [`│ ${answer.split("\n")[0] ?? ""}`]);
  mark = since();
  const submitted = await sender.submitView(priya, view, {
    answer: { answer_text: { type: "plain_text_input", value: answer } },
    consent: { publish_as_me: { type: "checkboxes", selected_options: [consentOption] } },
  });
  check(submitted, "view_submission");
  if (submitted.json?.response_action === "errors") throw new StoryFailure(`the modal was refused: ${JSON.stringify(submitted.json.errors)}`);

  await publishedAs(discourse, 4821, "priya");
  await waitFor("the card to say “Answered by Priya”", () => cardUpdated(card as SlackMessage, mark, /Answered by Priya/));
  await waitFor("the answer in the card's thread", () => postsIn(BILLING, mark).find((call) => call.args.thread_ts === card?.ts));
  await waitFor("the “+10 points” DM", () => postsIn(slack.dmChannelOf(priya.id), mark).find((call) => /\+10 points/.test(String(call.args.text ?? ""))));

  // 5. A question someone else answers ----------------------------------------------------------------
  t.heading("5. A second question, answered by another customer");
  const james = discourse.user("j.okafor");
  mark = since();
  const second = await askOnCommunity(discourse, t, james, {
    id: 4822,
    title: "How do I export my usage data to CSV?",
    tags: ["export"],
    raw: "Hi all, I'd like to analyse my monthly usage in a spreadsheet. Is there a way to export the usage data from the dashboard to CSV? I couldn't find a button for it.",
    minutesAgo: 1,
  });
  const secondCall = await waitFor("the card for #4822 in #general (no rule matches: fallback)", () =>
    postsIn(GENERAL, mark).find((call) => !call.args.thread_ts),
  );
  const secondCard = messageOf(secondCall);
  if (!secondCard) throw new StoryFailure("the second card was not recorded");

  const reply = discourse.createPost(
    marieke,
    second.id,
    "Yes! Go to Dashboard → Usage, pick the period, then use the ⋯ menu at the top right: “Export as CSV”. It took me a while to find it too.",
  );
  t.line("Marieke (customer)", "Discourse", `replies on #${second.id} (post ${reply.postNumber})`);
  mark = since();
  webhookOk(await discourse.emit("post_created", discourse.postCreatedBody(reply)), "post_created (reply)");
  await waitFor("the #4822 card to say “Answered on the community”", () => cardUpdated(secondCard, mark, /Answered on the community by Marieke/));

  // 6–8. The same loop through Microsoft Teams ----------------------------------------------------------
  const teamsCard = await runTeamsChapter(cast.teams, discourse, t);

  // 9. Leaderboard -----------------------------------------------------------------------------------
  t.heading("9. The leaderboard, in Slack and in Teams");
  const sanneName = cast.teams.sanne.name;
  const board = await command(priya, BILLING, "leaderboard month", /Top advocates this month/);
  if (!/<@U0PRIYA> · 10 points/.test(board)) throw new StoryFailure(`Priya's 10 points are not on the leaderboard: ${board}`);
  if (!board.includes(`${sanneName} · 10 points`)) throw new StoryFailure(`${sanneName}'s 10 points (earned in Teams) are not on the leaderboard: ${board}`);
  await teamsLeaderboard(cast.teams, t, [/Priya · 10 points/, new RegExp(`${sanneName} · 10 points`)]);

  // Final state, once the app has nothing left to do (its own post_created webhook included).
  await discourse.settle();
  await cast.quiet();
  const finalCard = slack.messages.get(`${card.channel}/${card.ts}`);
  if (!finalCard || !/Answered by Priya/.test(t.cardState(finalCard)[0] ?? "")) {
    throw new StoryFailure(`card #4821 should still say “Answered by Priya”, it says: ${finalCard ? t.cardState(finalCard)[0] : "nothing"}`);
  }
  const finalTeamsCard = cast.teams.teams.posts.get(teamsCard.id)?.card;
  if (!finalTeamsCard || !/Answered by Sanne/.test(t.adaptiveState(finalTeamsCard)[0] ?? "")) {
    throw new StoryFailure(`the Teams card should still say “Answered by Sanne”, it says: ${finalTeamsCard ? t.adaptiveState(finalTeamsCard)[0] : "nothing"}`);
  }
  return t.plain(board);
}

function findConsentOption(view: Record<string, unknown>): Record<string, unknown> {
  const blocks = (view.blocks ?? []) as Array<{ block_id?: string; element?: { options?: Array<Record<string, unknown>> } }>;
  const option = blocks.find((block) => block.block_id === "consent")?.element?.options?.[0];
  if (!option) throw new StoryFailure("the answer modal has no consent checkbox");
  return option;
}
