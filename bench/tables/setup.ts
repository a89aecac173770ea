// What every table starts from: one routing rule per bench channel (tag bench-<i>), set by an admin's commands.
import { waitFor } from "../../demo/standIns/http";
import type { SlackMessage } from "../../demo/standIns/slackApi";
import { CHANNELS, admin, customer, type World } from "../support/world";

let nextTopicId = 50_000;

export async function routeBenchTags(world: World, appUrl: string): Promise<void> {
  const { slack } = world.senders(appUrl);
  for (const [i, channel] of CHANNELS.entries()) {
    const reply = await slack.slashCommand(admin, channel, `route add <#${channel}|questions-${i}> tag:bench-${i}`);
    if (reply.status !== 200) throw new Error(`route add answered ${reply.status}`);
  }
}

/** A new customer topic with tag bench-<channel index>, both its webhooks sent; resolves with the topic id. */
export async function newQuestion(world: World, channelIndex: number): Promise<number> {
  const { topic, post } = world.discourse.createTopic(customer, {
    id: nextTopicId++,
    title: `Factuur ${nextTopicId} dubbel afgeschreven na overstap`,
    tags: [`bench-${channelIndex % CHANNELS.length}`],
    raw: "Vorige week ben ik overgestapt naar een jaarabonnement en nu is er twee keer afgeschreven. Klopt dit?",
  });
  await world.discourse.emit("topic_created", world.discourse.topicCreatedBody(topic));
  await world.discourse.emit("post_created", world.discourse.postCreatedBody(post));
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
  return waitFor(`the card of topic ${topicId}`, () => [...world.slack.messages.values()].find((message) => message.metadata && topicOf(message) === topicId), 60_000);
}
