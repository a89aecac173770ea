// The scripted story: an admin routes questions, a Dutch billing question arrives from Discourse, Priya links her
// community account, claims and answers it from Slack, corrects her published answer, hears the customer's
// follow-up in the card's thread and answers it by simply replying there; a second question gets answered by
// another customer and then moves to another channel when a moderator retags it; then the same loop plays through
// Teams (teamsStory.ts), and the leaderboard shows everyone's points on both. Every wait polls what the stand-ins
// recorded, with a timeout.
import type { DiscourseStandIn } from "./standIns/discourse";
import type { EphemeralMessage, SlackMessage, SlackStandIn, SlackUser } from "./standIns/slackApi";
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
    // The reply reaches the command's response_url, which the transcript shows as it arrives.
    const reply = await sender.command(user, channelId, text);
    const shown = t.plain(String(reply.json?.text ?? ""));
    check(reply, `/advocate ${text}`);
    if (!expect.test(shown)) throw new StoryFailure(`unexpected reply to /advocate ${text}: ${shown}`);
    return String(reply.json?.text ?? "");
  };

  const click = async (user: SlackUser, message: SlackMessage | EphemeralMessage, actionId: string, label: string) => {
    const on =
      "visibleTo" in message
        ? `the ephemeral offer in the thread of card ${cardTopic(slack.messages.get(`${message.channel}/${message.threadTs ?? ""}`) ?? message)}`
        : message.channel.startsWith("D")
          ? "the DM"
          : `card ${cardTopic(message)} in ${t.channel(message.channel)}`;
    t.line(user.displayName, "Slack", `clicks ${label} on ${on}`);
    check(await sender.clickButton(user, message, actionId), `${label} click`);
  };

  // The newest call's seq (response URLs handed out take seq numbers too, so the count of calls would lag behind).
  const since = () => slack.calls.at(-1)?.seq ?? 0;
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

  const answerPostId = await publishedAs(discourse, 4821, "priya");
  await waitFor("the card to say “Answered by Priya”", () => cardUpdated(card as SlackMessage, mark, /Answered by Priya/));
  await waitFor("the answer in the card's thread", () => postsIn(BILLING, mark).find((call) => call.args.thread_ts === card?.ts));
  await waitFor("the “+10 points” DM", () => postsIn(slack.dmChannelOf(priya.id), mark).find((call) => /\+10 points/.test(String(call.args.text ?? ""))));

  // 5. Editing the published answer ------------------------------------------------------------------
  t.heading("5. Priya corrects her published answer from the card");
  mark = since();
  card = slack.messages.get(`${card.channel}/${card.ts}`) ?? card;
  await click(priya, card, "advocate_edit_answer", "“Edit my answer”");
  const editOpened = await waitFor("views.open for the edit modal", () =>
    slack.apiCalls("views.open").find((call) => call.seq > mark && call.result.ok === true),
  );
  const editView = editOpened.result.view as Record<string, unknown>;
  if (editView.callback_id !== "advocate_edit_answer_modal") throw new StoryFailure(`expected the edit modal, got ${String(editView.callback_id)}`);
  const prefilled = initialValue(editView, "answer");
  if (prefilled !== answer) throw new StoryFailure(`the edit modal is not prefilled with Priya's answer: ${JSON.stringify(prefilled)}`);
  const corrected = answer.replace("binnen 5 werkdagen", "binnen 3 werkdagen");
  const reason = "Terugstorting duurt 3 werkdagen, niet 5";
  t.line(priya.displayName, "Slack", "changes “5 werkdagen” to “3 werkdagen”, gives a reason and saves", [`│ reason: ${reason}`]);
  const discourseMark = discourse.activity.length;
  mark = since();
  const editSubmitted = await sender.submitView(priya, editView, {
    answer: { answer_text: { type: "plain_text_input", value: corrected } },
    reason: { reason_text: { type: "plain_text_input", value: reason } },
  });
  check(editSubmitted, "view_submission (edit)");
  if (editSubmitted.json?.response_action === "errors") throw new StoryFailure(`the edit was refused: ${JSON.stringify(editSubmitted.json.errors)}`);
  const edit = await waitFor(`PUT /posts/${answerPostId}.json on Discourse`, () =>
    discourse.activity.slice(discourseMark).find((a) => a.kind === "api" && a.method === "PUT" && a.path === `/posts/${answerPostId}.json`),
  );
  const sent = (edit.kind === "api" ? edit.body : null) as { post?: { raw?: string; edit_reason?: string } } | null;
  if (edit.kind !== "api" || edit.status !== 200 || edit.apiUsername !== "priya") {
    throw new StoryFailure(
      `the edit reached Discourse as @${edit.kind === "api" ? edit.apiUsername : "?"} with HTTP ${edit.kind === "api" ? edit.status : "?"}`,
    );
  }
  if (!sent?.post?.raw?.startsWith(corrected) || sent.post.edit_reason !== reason) {
    throw new StoryFailure(`Discourse got the wrong edit: ${JSON.stringify(sent)}`);
  }
  await waitFor("the answer's echo in the thread, edited in place", () =>
    slack.apiCalls("chat.update").find((call) => {
      const echo = slack.messages.get(`${String(call.result.channel)}/${String(call.result.ts)}`);
      const text = t.plain(echo?.text ?? "");
      return call.seq > mark && echo?.threadTs === card?.ts && text.includes("binnen 3 werkdagen") && text.includes("(edited)");
    }),
  );
  // Discourse's own post_edited for this edit comes back too; let Advocate finish with it before the next step.
  await discourse.settle();
  await cast.quiet();

  // 6. The customer follows up --------------------------------------------------------------------------
  t.heading("6. Marieke replies on the community after the answer");
  const followUp = discourse.createPost(
    marieke,
    4821,
    "Dank je! Maar de tweede afschrijving staat er na een week nog steeds. Moet ik daar nog iets voor doen?",
    2,
  );
  t.line("Marieke (customer)", "Discourse", `replies on #4821 (post ${followUp.postNumber}): “${followUp.raw}”`);
  mark = since();
  webhookOk(await discourse.emit("post_created", discourse.postCreatedBody(followUp)), "post_created (follow-up)");
  await waitFor("the follow-up in the card's thread, mentioning Priya", () =>
    postsIn(BILLING, mark).find((call) => {
      const said = JSON.stringify([call.args.text, call.args.blocks]);
      return call.args.thread_ts === card?.ts && said.includes(`<@${priya.id}>`) && said.includes("de tweede afschrijving");
    }),
  );
  await waitFor("the card to say Marieke replied, with Answer offered again", () =>
    cardUpdated(card as SlackMessage, mark, /Marieke van den Berg replied after the answer/),
  );
  const repliedCard = slack.messages.get(`${card.channel}/${card.ts}`) ?? card;
  if (!/\[Answer\]/.test(t.cardState(repliedCard)[1] ?? "")) throw new StoryFailure(`the card offers no Answer again: ${t.cardState(repliedCard)[1]}`);

  // 7. Answering by replying in the thread ----------------------------------------------------------------
  t.heading("7. Priya answers the follow-up by simply replying in the thread");
  await discourse.settle();
  await cast.quiet();
  const followUpAnswer =
    "Nee, je hoeft niets te doen: de terugstorting staat klaar en komt uiterlijk vrijdag binnen. Staat hij er maandag nog niet, stuur me dan hier een berichtje.";
  const threadReply = slack.postAs(priya, BILLING, followUpAnswer, card.ts);
  t.line(priya.displayName, `Slack ${t.channel(BILLING)}`, "replies in the thread of card #4821 (an ordinary Slack reply, no button, no form)", [
    `│ ${followUpAnswer}`,
  ]);
  mark = since();
  const replyDiscourseMark = discourse.activity.length;
  t.line("Slack", "Advocate", "event message (message.channels) for Priya's reply in the card's thread, signed");
  check(await sender.messageEvent(threadReply), "message event (thread reply)");
  const offerToPublish = await waitFor("the ephemeral offer to Priya in the card's thread", () =>
    slack
      .apiCalls("chat.postEphemeral")
      .find((call) => call.seq > mark && call.result.ok === true && call.args.user === priya.id && call.args.thread_ts === card?.ts),
  );
  const draftOffer = slack.ephemerals.get(`${BILLING}/${String(offerToPublish.result.message_ts)}`);
  if (!draftOffer) throw new StoryFailure("the offer was not recorded");
  const offered = t.blocks(draftOffer.blocks).join("\n");
  if (!offered.includes("as @priya") || !offered.includes("terugstorting staat klaar")) {
    throw new StoryFailure(`the offer does not say it publishes Priya's reply as @priya: ${offered}`);
  }
  // Only Priya saw the offer: nothing in the channel or the thread, nothing on the community yet.
  const seenByOthers = postsIn(BILLING, mark);
  if (seenByOthers.length) throw new StoryFailure(`Advocate posted in #billing-experts before Priya said publish: ${JSON.stringify(seenByOthers[0]?.args)}`);
  if (discourse.activity.slice(replyDiscourseMark).some((a) => a.kind === "api" && a.method === "POST")) {
    throw new StoryFailure("Priya's reply reached the community before she said publish");
  }
  t.note("a reply in the thread is chat until its author says otherwise: the offer is ephemeral, nobody else in #billing-experts sees it");

  mark = since();
  await click(priya, draftOffer, "advocate_reply_publish", "Publish");
  await waitFor("the offer replaced by “published as @priya”", () =>
    slack
      .responses()
      .find((call) => call.seq > mark && call.userId === priya.id && call.body.replace_original === true && /as @priya/.test(String(call.body.text))),
  );
  const secondPostId = await publishedAs(discourse, 4821, "priya", replyDiscourseMark);
  const secondPost = discourse.activity.find(
    (a) => a.kind === "api" && a.path === "/posts.json" && (a.response as { id?: number } | null)?.id === secondPostId,
  );
  if (secondPostId === answerPostId || !(secondPost?.kind === "api" && String((secondPost.body as { raw?: string }).raw).startsWith(followUpAnswer))) {
    throw new StoryFailure(`Discourse did not get Priya's reply as a new post: ${JSON.stringify(secondPost)}`);
  }
  await waitFor("the card to say “Answered by Priya” again", () => cardUpdated(card as SlackMessage, mark, /Answered by Priya/));
  await waitFor("the published reply echoed in the card's thread", () =>
    postsIn(BILLING, mark).find((call) => call.args.thread_ts === card?.ts && String(call.args.text ?? "").includes("terugstorting staat klaar")),
  );
  await waitFor("the “+10 points” DM for the follow-up answer", () =>
    postsIn(slack.dmChannelOf(priya.id), mark).find((call) => /\+10 points/.test(String(call.args.text ?? ""))),
  );
  await discourse.settle();
  await cast.quiet();

  // 8. A question someone else answers ----------------------------------------------------------------
  t.heading("8. A second question, answered by another customer");
  const james = discourse.user("j.okafor");
  mark = since();
  const second = await askOnCommunity(discourse, t, james, {
    id: 4822,
    title: "How do I export my usage data to CSV?",
    tags: ["export"],
    raw: "Hi all, I'd like to check my invoices against my monthly usage in a spreadsheet. Is there a way to export the usage data from the dashboard to CSV? I couldn't find a button for it.",
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

  // 9. The topic moves ---------------------------------------------------------------------------------
  t.heading("9. A moderator retags the second question: it moves to #billing-experts");
  t.line("Moderator", "Discourse", `adds the tag facturatie to #${second.id} (James checks his invoices): tags export, facturatie`);
  mark = since();
  webhookOk(await discourse.editTopic(second.id, { tags: ["export", "facturatie"] }), "topic_edited");
  await waitFor("the #4822 card in #general to say it moved to #billing-experts", () =>
    cardUpdated(secondCard, mark, /Moved to #billing-experts by the community/),
  );
  const movedAway = slack.messages.get(`${secondCard.channel}/${secondCard.ts}`) ?? secondCard;
  if (t.cardState(movedAway)[1] !== "(no buttons)") throw new StoryFailure(`the moved card still has buttons: ${t.cardState(movedAway)[1]}`);
  const movedCall = await waitFor("a new #4822 card in #billing-experts", () =>
    postsIn(BILLING, mark).find((call) => !call.args.thread_ts && cardTopic(messageOf(call) ?? { blocks: [] }) === "#4822"),
  );
  const movedCard = messageOf(movedCall);
  if (!movedCard) throw new StoryFailure("the moved card was not recorded");

  // 10–12. The same loop through Microsoft Teams ----------------------------------------------------------
  const teamsCard = await runTeamsChapter(cast.teams, discourse, t);

  // 13. Leaderboard ----------------------------------------------------------------------------------
  t.heading("13. The leaderboard, in Slack and in Teams");
  const sanneName = cast.teams.sanne.name;
  const board = await command(priya, BILLING, "leaderboard month", /Top advocates this month/);
  // Priya: 10 for her answer, 10 for answering Marieke's follow-up (the follow_up_answer rule); Sanne: 10 in Teams.
  if (!/<@U0PRIYA> · 20 points/.test(board)) throw new StoryFailure(`Priya's 20 points are not on the leaderboard: ${board}`);
  if (!board.includes(`${sanneName} · 10 points`)) throw new StoryFailure(`${sanneName}'s 10 points (earned in Teams) are not on the leaderboard: ${board}`);
  await teamsLeaderboard(cast.teams, t, [/Priya · 20 points/, new RegExp(`${sanneName} · 10 points`)]);

  // Final state, once the app has nothing left to do (its own post_created webhook included).
  await discourse.settle();
  await cast.quiet();
  const finalCard = slack.messages.get(`${card.channel}/${card.ts}`);
  if (!finalCard || !/Answered by Priya/.test(t.cardState(finalCard)[0] ?? "")) {
    throw new StoryFailure(`card #4821 should say Priya answered again, it says: ${finalCard ? t.cardState(finalCard)[0] : "nothing"}`);
  }
  const botEchoes = [...slack.messages.values()].filter((message) => message.threadTs === card?.ts && !message.user);
  const echoes = botEchoes.filter((message) => message.text.includes("binnen 3 werkdagen"));
  if (echoes.length !== 1 || !echoes[0]?.text.includes("(edited)")) {
    throw new StoryFailure(`the thread of card #4821 should hold one edited echo of Priya's answer, it holds ${echoes.length}`);
  }
  const replyEchoes = botEchoes.filter((message) => message.text.includes("terugstorting staat klaar"));
  if (replyEchoes.length !== 1)
    throw new StoryFailure(`the thread of card #4821 should hold one echo of Priya's published reply, it holds ${replyEchoes.length}`);
  const finalMoved = slack.messages.get(`${secondCard.channel}/${secondCard.ts}`);
  if (!finalMoved || !/Moved to #billing-experts/.test(t.cardState(finalMoved)[0] ?? "")) {
    throw new StoryFailure(`the #4822 card in #general should still say it moved, it says: ${finalMoved ? t.cardState(finalMoved)[0] : "nothing"}`);
  }
  const finalNew = slack.messages.get(`${movedCard.channel}/${movedCard.ts}`);
  if (!finalNew || !/Answered on the community by Marieke/.test(t.cardState(finalNew)[0] ?? "")) {
    throw new StoryFailure(
      `the #4822 card in #billing-experts should say it was answered on the community, it says: ${finalNew ? t.cardState(finalNew)[0] : "nothing"}`,
    );
  }
  const finalTeamsCard = cast.teams.teams.posts.get(teamsCard.id)?.card;
  if (!finalTeamsCard || !/Answered by Sanne/.test(t.adaptiveState(finalTeamsCard)[0] ?? "")) {
    throw new StoryFailure(`the Teams card should still say “Answered by Sanne”, it says: ${finalTeamsCard ? t.adaptiveState(finalTeamsCard)[0] : "nothing"}`);
  }
  return t.plain(board);
}

/** What a modal's text field opened with. */
function initialValue(view: Record<string, unknown>, blockId: string): string | undefined {
  const blocks = (view.blocks ?? []) as Array<{ block_id?: string; element?: { initial_value?: string } }>;
  return blocks.find((block) => block.block_id === blockId)?.element?.initial_value;
}

function findConsentOption(view: Record<string, unknown>): Record<string, unknown> {
  const blocks = (view.blocks ?? []) as Array<{ block_id?: string; element?: { options?: Array<Record<string, unknown>> } }>;
  const option = blocks.find((block) => block.block_id === "consent")?.element?.options?.[0];
  if (!option) throw new StoryFailure("the answer modal has no consent checkbox");
  return option;
}
