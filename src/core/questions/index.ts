// The questions feature's public face: what the rest of Advocate may use of it.
export { acceptCommunityEvent } from "./acceptCommunityEvent";
export type { CursorRepo } from "./cursorRepo";
export type { InboundRepo } from "./inboundRepo";
export { POLLED_DELIVERY_PREFIX } from "./pollCommunity";
export type { QuestionRepo } from "./questionRepo";
