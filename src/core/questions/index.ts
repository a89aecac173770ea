// The questions feature's public face: what the rest of Advocate may use of it.
export { acceptCommunityEvent } from "./acceptCommunityEvent";
