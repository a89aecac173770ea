// What every table starts from: one routing rule per bench channel (tag bench-<i>), set by an admin's commands.
import { waitFor } from "../../demo/standIns/http";
import type { SlackMessage } from "../../demo/standIns/slackApi";
import { ANSWER_MODAL } from "../../src/chat/slack/presenters/modals";
import { CHANNELS, admin, customer, priya, type World } from "../support/world";

let nextTopicId = 50_000;

export async function routeBenchTags(world: World, appUrl: string): Promise<void> {
  const { slack } = world.senders(appUrl);
  for (const [i, channel] of CHANNELS.entries()) {
    const reply = await slack.command(admin, channel, `route add <#${channel}|questions-${i}> tag:${benchTag(i)}`);
    if (reply.status !== 200) throw new Error(`route add answered ${reply.status}`);
  }
}

export type Deliver = (event: string, body: Record<string, unknown>) => Promise<unknown>;

/** The tag the rule of bench channel i routes. */
export const benchTag = (i: number) => `bench-${i % CHANNELS.length}`;

/** A new customer topic with this tag, both its webhooks sent; resolves with the topic id. */
export async function newQuestion(world: World, tag: string, deliver: Deliver = (event, body) => world.discourse.emit(event, body)): Promise<number> {
  const { topic, post } = world.discourse.createTopic(customer, {
    id: nextTopicId++,
    title: `Factuur ${nextTopicId} dubbel afgeschreven na overstap`,
    tags: [tag],
    raw: "Vorige week ben ik overgestapt naar een jaarabonnement en nu is er twee keer afgeschreven. Klopt dit?",
  });
  await deliver("topic_created", world.discourse.topicCreatedBody(topic));
  await deliver("post_created", world.discourse.postCreatedBody(post));
  return topic.id;
}

/** The cards Slack accepted, by Advocate's card id (from the message metadata), with how often each was posted. */
export function slackCards(world: World): Map<string, SlackMessage[]> {
  const cards = new Map<string, SlackMessage[]>();
  for (const message of world.slack.messages.values()) {
    const cardId = (message.metadata?.event_payload as { card_id?: string } | undefined)?.card_id;
    if (cardId) cards.set(cardId, [...(cards.get(cardId) ?? []), message]);
  }
  return cards;
}

/** The topic a card is about, from its buttons' values ({"topicId":…}, JSON inside JSON). */
export function topicOf(message: SlackMessage): number | null {
  const match = /topicId\\*"\s*:\s*(\d+)/.exec(JSON.stringify(message.blocks));
  return match ? Number(match[1]) : null;
}

export async function cardFor(world: World, topicId: number): Promise<SlackMessage> {
  return waitFor(
    `the card of topic ${topicId}`,
    () => [...world.slack.messages.values()].find((message) => message.metadata && topicOf(message) === topicId),
    60_000,
  );
}

/** Priya links her community account once, with her own yes. */
export async function linkPriya(world: World, appUrl: string): Promise<void> {
  const { slack } = world.senders(appUrl);
  await slack.command(priya, CHANNELS[0] ?? "", "link");
  const offer = await waitFor(
    "the link offer",
    () => [...world.slack.messages.values()].find((message) => JSON.stringify(message.blocks).includes("advocate_link_accept")),
    120_000,
  );
  const answered = world.slack.responses().length;
  await slack.clickButton(priya, offer, "advocate_link_accept");
  // The click is acknowledged first and linked after: wait for the confirmation that replaces the offer.
  await waitFor(
    "the link confirmation",
    () =>
      world.slack
        .responses()
        .slice(answered)
        .some((response) => response.userId === priya.id),
    60_000,
  );
}

/** Priya's answer form for a card, as submitted (the view id is what makes a resubmission the same answer). */
export function answerForm(card: SlackMessage, viewId: string) {
  return {
    view: {
      id: viewId,
      type: "modal",
      callback_id: ANSWER_MODAL,
      private_metadata: JSON.stringify({ topicId: topicOf(card), channelId: card.channel, messageTs: card.ts, locale: "en" }),
    },
    values: {
      answer: { answer_text: { type: "plain_text_input", value: `Dank voor je vraag! Bij een overstap wordt de maandtermijn verrekend (${viewId}).` } },
      consent: { publish_as_me: { type: "checkboxes", selected_options: [{ value: "publish_as_me" }] } },
    },
  };
}

/** Calls `seen` with the topic of each post Priya publishes (seen from the community's side). */
export function onPublishedByPriya(world: World, seen: (topicId: number) => void): void {
  world.discourse.onActivity((activity) => {
    if (
      activity.kind !== "api" ||
      activity.method !== "POST" ||
      activity.path !== "/posts.json" ||
      activity.status !== 200 ||
      activity.apiUsername !== priya.name
    )
      return;
    seen(Number((activity.body as { topic_id?: unknown } | null)?.topic_id));
  });
}

/** Topic id → how many posts Priya published on it (counted from the community's side). */
export function publishedByPriya(world: World): Map<number, number> {
  const published = new Map<number, number>();
  onPublishedByPriya(world, (topicId) => published.set(topicId, (published.get(topicId) ?? 0) + 1));
  return published;
}
