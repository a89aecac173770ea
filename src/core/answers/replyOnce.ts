// A reply on the community under an employee's name, exactly once across crashes and retries (answers and idea
// statuses both): the text carries a hidden marker, and once an attempt has started, a retry first looks for a
// reply with that marker, since the earlier attempt may have reached the community before we could record it.
import type { CoreDeps } from "../deps";

export async function replyOnce(
  deps: Pick<CoreDeps, "community">,
  input: { topicId: number; username: string; text: string; marker: string; started: boolean; markStarted: () => Promise<unknown> },
): Promise<{ post: { postId: number; url: string }; recovered: boolean }> {
  if (input.started) {
    const existing = await deps.community.findReplyByMarker({ topicId: input.topicId, username: input.username, marker: input.marker });
    if (existing) return { post: existing, recovered: true };
  } else {
    await input.markStarted();
  }
  const post = await deps.community.createReply({ topicId: input.topicId, raw: `${input.text}\n\n${input.marker}`, asUsername: input.username });
  return { post, recovered: false };
}
