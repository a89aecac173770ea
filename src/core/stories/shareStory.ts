// Choose a customer story for a channel and have it posted there: by command, or by the channel's schedule.
import type { CoreDeps } from "../deps";
import type { ChatTarget, Story } from "../kernel/model";
import { STORY_WINDOW_DAYS, NO_REPEAT_DAYS, daysBefore, nextPrompt, pickStory } from "./pickStory";
import { lanes } from "../kernel/lanes";

const sameTarget = (a: ChatTarget, b: ChatTarget) => a.surface === b.surface && a.channelId === b.channelId;

/** The story chosen; null when nothing fits the channel, or when a run with this key already chose one (a retry). */
export async function shareStory(deps: Pick<CoreDeps, "store" | "clock">, target: ChatTarget, runKey: string | null = null): Promise<Story | null> {
  const now = deps.clock.now();
  const [candidates, rules, shown, latest] = await Promise.all([
    deps.store.stories.candidates(daysBefore(now, STORY_WINDOW_DAYS)),
    deps.store.rules.list(),
    deps.store.stories.shownIn(target, daysBefore(now, NO_REPEAT_DAYS)),
    deps.store.stories.latestIn(target),
  ]);
  const channelRules = rules.filter((rule) => rule.targets.some((ruleTarget) => sameTarget(ruleTarget, target)));
  const picked = pickStory({ candidates, channelRules, shown, now });
  if (!picked) return null;
  return deps.store.transaction(async (tx) => {
    const story = await tx.stories.record({
      surface: target.surface,
      channelId: target.channelId,
      questionId: picked.candidate.question.id,
      reason: picked.reason,
      promptIndex: nextPrompt(latest?.promptIndex ?? null),
      runKey,
      shownAt: now,
    });
    if (story)
      await tx.outbox.enqueue(
        { kind: "chat.postStory", storyId: story.id },
        { lane: lanes.channel(target.surface, target.channelId), dedupeKey: `story:${story.id}` },
      );
    return story;
  });
}
