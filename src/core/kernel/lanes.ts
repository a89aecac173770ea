// Lanes: items of one lane run one at a time, in order, paced. Each feature names the lanes of the work it asks for.

const ROUTE_LANES = 4;
const INBOUND_LANES = 4;

/** A chat channel, a person's messages, a community's API key: each a lane. */
export const lanes = {
  /**
   * A community's webhooks, in the order they came for each topic (or post): a few lanes, so a flood of new
   * topics is taken in side by side while one topic's events still apply one after another.
   */
  inbound: (community: string, orderKey: number) => `inbound:${community}:${Math.abs(orderKey) % INBOUND_LANES}`,
  /** Routing may wait seconds on a language model: a few lanes, so one slow answer holds up few questions. */
  route: (questionId: string) => `route:${[...questionId].reduce((sum, char) => sum + char.charCodeAt(0), 0) % ROUTE_LANES}`,
  /** Routing needs no order between questions: a question still waiting for its webhooks holds up no other. */
  isUnordered: (lane: string) => lane.startsWith("route:"),
  jobs: () => "jobs",
  /** Received answer forms, in the order they came: the first form with a submission key owns it. */
  answers: () => "answers",
  community: (community: string) => `community:${community}`,
  channel: (surfaceName: string, channelId: string) => `${surfaceName}:channel:${channelId}`,
  user: (surfaceName: string, userId: string) => `${surfaceName}:user:${userId}`,
  /** Reading a chat identity's profile: a lookup that fails and waits to retry holds up nothing else of theirs. */
  profile: (surfaceName: string, userId: string) => `${surfaceName}:profile:${userId}`,
};
