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
      { lane: lanes.inbound(received.community) },
    );
    return "accepted";
  });
}
