// Table 1: how fast the app acks what people do, with 50 clients at once: signed Slack slash commands, button
// clicks and modal submissions, and Teams invokes (a card's Action.Execute), each 500 times.
import type { TeamsPost } from "../../demo/standIns/botFramework";
import { CUSTOMER_QUESTIONS } from "../../demo/teamsStory";
import { ANSWER_MODAL } from "../../src/chat/slack/presenters/modals";
import { CHANNELS, priya, sanne, type World } from "../support/world";
import { ms, percentile, runConcurrently } from "../support/stats";
import { benchTag, cardFor, newQuestion, routeBenchTags } from "./setup";

const CLIENTS = 50;
const EACH = 500;
const WARM_UP = 100;

export async function measureAcks(world: World, appUrl: string) {
  await routeBenchTags(world, appUrl);
  const topicId = await newQuestion(world, benchTag(0));
  // A snapshot: clicks redraw the card (Claim becomes Release), the benchmark keeps pressing the same button.
  const card = structuredClone(await cardFor(world, topicId));
  const { slack, teams } = world.senders(appUrl);
  const teamsCard: TeamsPost = {
    id: "1763633650000",
    conversationId: `${CUSTOMER_QUESTIONS};messageid=1763633650000`,
    channelId: CUSTOMER_QUESTIONS,
    threadOf: "1763633650000",
    text: "",
    card: null,
  };
  // An answer form sent empty: the app answers with the field's error, as it must within Slack's 3 seconds.
  // As the app opens it: ids and the form's language (so a field error needs no database read before the ack).
  const form = {
    id: "V0BENCH01",
    type: "modal",
    callback_id: ANSWER_MODAL,
    private_metadata: JSON.stringify({ topicId, channelId: CHANNELS[0], messageTs: card.ts, locale: "en" }),
  };
  const emptyAnswer = {
    answer: { answer_text: { type: "plain_text_input", value: "" } },
    consent: { publish_as_me: { type: "checkboxes", selected_options: [] } },
  };
  const kinds: Array<[string, (i: number) => Promise<number>]> = [
    ["Slack slash command (/advocate help)", async () => (await slack.slashCommand(priya, CHANNELS[0] ?? "", "help")).status],
    ["Slack button (Claim on a card)", async () => (await slack.clickButton(priya, card, "advocate_claim")).status],
    ["Slack modal submission (answer form)", async () => (await slack.submitView(priya, form, emptyAnswer)).status],
    ["Teams invoke (card Action.Execute)", async () => (await teams.cardAction(sanne, teamsCard, "advocate.claim", { topicId })).status],
  ];
  const rows = [];
  const all: number[] = [];
  for (const [kind, request] of kinds) {
    await runConcurrently(WARM_UP, CLIENTS, request); // compiled code paths and warm caches, as in a running service
    const { latencies, statuses } = await runConcurrently(EACH, CLIENTS, request);
    all.push(...latencies);
    rows.push({ kind, requests: EACH, p50: ms(percentile(latencies, 50)), p99: ms(percentile(latencies, 99)), statuses: JSON.stringify(statuses) });
  }
  rows.push({ kind: "all of the above", requests: all.length, p50: ms(percentile(all, 50)), p99: ms(percentile(all, 99)), statuses: "" });
  return rows;
}
