// Webhooks are hints; the community is the truth. An event that takes something away or flips a state (a topic
// closed, reopened or deleted; a solution accepted or unaccepted; a post deleted) says only what the community's
// API is asked about, and what the API answers is applied. A signed body replayed under another event name or a
// new delivery id then changes nothing, and events that arrive out of order end in the community's state.
import type { CommunityEvent } from "../kernel/events";
import type { CommunityPort } from "../ports";
import type { Repos } from "../store";

type Checked = Extract<
  CommunityEvent,
  { type: "topic.closed" | "topic.reopened" | "topic.deleted" | "solution.accepted" | "solution.unaccepted" | "post.deleted" }
>;

/** A reply edited: when it is one of our answers, its text as the API shows it now (markdown, with our marker). */
async function answerAsWritten(
  community: Pick<CommunityPort, "getPost">,
  store: Pick<Repos, "answers">,
  hint: Extract<CommunityEvent, { type: "post.edited" }>,
): Promise<CommunityEvent> {
  if (!(await store.answers.byCommunityPost(hint.post.postId))) return hint;
  const post = await community.getPost(hint.post.postId);
  if (!post || post.deleted) return { type: "ignored", reason: "the post is gone from the community" };
  return { type: "post.edited", post: { ...hint.post, text: post.raw } };
}

function isChecked(event: CommunityEvent): event is Checked {
  return ["topic.closed", "topic.reopened", "topic.deleted", "solution.accepted", "solution.unaccepted", "post.deleted"].includes(event.type);
}

/**
 * The event to apply for `hint`: unchanged when it needs no check or concerns nothing we hold (then no API call),
 * otherwise what the community's API says now. A community that cannot be reached throws, and the outbox retries.
 */
export async function communityTruth(
  community: Pick<CommunityPort, "name" | "getTopic" | "getPost">,
  store: Pick<Repos, "questions" | "answers">,
  hint: CommunityEvent,
): Promise<CommunityEvent> {
  if (hint.type === "post.edited" && hint.post.postNumber !== 1) return answerAsWritten(community, store, hint);
  if (!isChecked(hint)) return hint;
  if ("topicId" in hint) {
    if (!(await store.questions.byTopic(community.name, hint.topicId))) return hint;
    const topic = await community.getTopic(hint.topicId);
    if (!topic || topic.deleted) return { type: "topic.deleted", topicId: hint.topicId };
    // Archived is frozen: nobody can reply any more, so the card says closed.
    return { type: topic.closed || topic.archived ? "topic.closed" : "topic.reopened", topicId: hint.topicId };
  }
  if (!(await store.answers.byCommunityPost(hint.postId))) return hint;
  const post = await community.getPost(hint.postId);
  if (hint.type === "post.deleted") return !post || post.deleted ? hint : { type: "ignored", reason: "the community still shows the post" };
  if (!post || post.deleted) return { type: "ignored", reason: "the post is gone from the community" };
  const topic = await community.getTopic(post.topicId);
  return { type: topic?.acceptedPostNumber === post.postNumber ? "solution.accepted" : "solution.unaccepted", postId: hint.postId };
}
