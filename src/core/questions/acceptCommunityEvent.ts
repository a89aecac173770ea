// Stores a verified community event once and queues it; redeliveries (same id or same business key) are no-ops.
import type { CoreRepos } from "../deps";
import type { CommunityEvent } from "../kernel/events";
import { lanes } from "../kernel/lanes";

export interface ReceivedEvent {
  community: string;
  deliveryId: string;
  businessKey: string;
  name: string;
  payload: unknown;
  event: CommunityEvent;
}

export async function acceptCommunityEvent(
  store: { transaction<T>(work: (tx: CoreRepos) => Promise<T>): Promise<T> },
  received: ReceivedEvent,
): Promise<"accepted" | "duplicate"> {
  return store.transaction(async (tx) => {
    const inbound = await tx.inbound.record({
      source: received.community,
      deliveryId: received.deliveryId,
      businessKey: received.businessKey,
      name: received.name,
      payload: received.payload,
    });
    if (!inbound) return "duplicate";
    await tx.outbox.enqueue(
      { kind: "community.event", community: received.community, inboundId: inbound.id, event: received.event },
      { lane: lanes.inbound(received.community, orderKey(received.event)) },
    );
    return "accepted";
  });
}

/** What an event's order is kept within: its topic, or the post where the event names no topic (likes, solutions). */
function orderKey(event: CommunityEvent): number {
  switch (event.type) {
    case "topic.opened":
    case "topic.edited":
      return event.topic.topicId;
    case "post.created":
    case "post.edited":
      return event.post.topicId;
    case "topic.closed":
    case "topic.reopened":
    case "topic.deleted":
      return event.topicId;
    case "solution.accepted":
    case "solution.unaccepted":
    case "post.liked":
    case "post.deleted":
      return event.postId;
    case "ignored":
      return 0;
  }
}
