// The expertise feature's public face: what the rest of Advocate may use of it.
export type { FollowRepo } from "./followRepo";
export { notifyFollowers } from "./notifyFollowers";
export { suggestExperts } from "./suggestExperts";
