// `follow billing`, `unfollow billing`, `follow` (what I follow).
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import type { Actor } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";

export type FollowReply =
  { type: "follows"; topics: string[]; changed: { topic: string; following: boolean } | null } | { type: "error"; problem: "bad_topic"; detail: string };

const TOPIC = /^[\p{L}\p{N}][\p{L}\p{N}-]{1,39}$/u;

async function follow(deps: Pick<CoreDeps, "store">, actor: Actor, following: boolean, topicText: string | undefined): Promise<FollowReply> {
  const employee = await actorEmployee(deps, actor);
  let changed: { topic: string; following: boolean } | null = null;
  if (topicText !== undefined) {
    const topic = topicText.toLowerCase();
    if (!TOPIC.test(topic)) return { type: "error", problem: "bad_topic", detail: topicText };
    if (following) await deps.store.follows.add(employee.id, topic);
    else await deps.store.follows.remove(employee.id, topic);
    changed = { topic, following };
  }
  return { type: "follows", topics: await deps.store.follows.of(employee.id), changed };
}

export const followCommands = {
  follow: (deps, ctx, [topic]) => follow(deps, ctx, true, topic),
  unfollow: (deps, ctx, [topic]) => follow(deps, ctx, false, topic),
} satisfies Verbs;
