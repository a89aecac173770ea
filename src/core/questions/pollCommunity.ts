// Catch-up for communities without webhooks, and after downtime: new topics since the stored cursor.
import type { CoreDeps } from "../deps";
import { acceptCommunityEvent } from "./acceptCommunityEvent";

/** Delivery ids of polled topics start so; a webhook's are Discourse's numbers. */
export const POLLED_DELIVERY_PREFIX = "poll:";

export async function pollCommunity(deps: Pick<CoreDeps, "store" | "community">): Promise<string> {
  const key = `poll:${deps.community.name}`;
  const cursor = await deps.store.cursors.get(key);
  const { events, cursor: next } = await deps.community.listLatest(cursor);
  let fresh = 0;
  for (const event of events) {
    if (event.type !== "topic.opened") continue;
    // Same business key as the topic_created webhook: a topic seen both ways is routed once.
    const outcome = await acceptCommunityEvent(deps.store, {
      community: deps.community.name,
      deliveryId: `${POLLED_DELIVERY_PREFIX}${event.topic.topicId}`,
      businessKey: `topic_created:${event.topic.topicId}`,
      name: "topic_created",
      payload: event,
      event,
    });
    if (outcome === "accepted") fresh++;
  }
  if (next && next !== cursor) await deps.store.cursors.set(key, next);
  return `${fresh} new topics`;
}
