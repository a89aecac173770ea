// When things reached the platforms' stand-ins, stamped by their listeners as each call is recorded (the stand-ins
// themselves keep no clock: a Slack ts has whole seconds only): each Slack message, each answer Priya published.
import type { SlackMessage } from "../../demo/standIns/slackApi";
import type { World } from "../support/world";
import { onPublishedByPriya } from "../tables/setup";

export class Arrivals {
  /** `channel/ts` → when the message was posted (epoch ms). */
  private readonly posted = new Map<string, number>();
  /** topic → when Priya's answer to it was first published. */
  private readonly published = new Map<number, number>();

  constructor(private readonly world: World) {
    world.slack.onCall((call) => {
      if (call.kind !== "api" || call.method !== "chat.postMessage" || call.result.ok !== true) return;
      const key = `${String(call.result.channel)}/${String(call.result.ts)}`;
      if (!this.posted.has(key)) this.posted.set(key, Date.now());
    });
    onPublishedByPriya(world, (topic) => {
      if (!this.published.has(topic)) this.published.set(topic, Date.now());
    });
  }

  postedAt(message: SlackMessage): number | undefined {
    return this.posted.get(`${message.channel}/${message.ts}`);
  }

  publishedAt(topic: number): number | undefined {
    return this.published.get(topic);
  }

  /** When the first reply in a card's thread was posted: the answer's echo. */
  echoedAt(card: SlackMessage): number | undefined {
    const replies = [...this.world.slack.messages.values()].filter((message) => message.channel === card.channel && message.threadTs === card.ts);
    const times = replies.map((reply) => this.postedAt(reply)).filter((at): at is number => at !== undefined);
    return times.length ? Math.min(...times) : undefined;
  }
}
