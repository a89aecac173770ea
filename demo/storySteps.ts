// What the Slack and the Teams chapters of the story both do: a customer asks on the community, an answer is
// published under an employee's name, and every reply of the app is checked.
import type { CommunityUser, DiscourseStandIn, Topic } from "./standIns/discourse";
import { waitFor, type AppReply } from "./standIns/http";
import type { Transcript } from "./transcript";

export class StoryFailure extends Error {}

export function check(reply: AppReply, what: string): void {
  if (reply.status !== 200) throw new StoryFailure(`${what}: Advocate answered HTTP ${reply.status} ${JSON.stringify(reply.json)}`);
}

export function webhookOk(result: { status: number; reply: unknown }, what: string): void {
  if (result.status !== 200) throw new StoryFailure(`webhook ${what}: Advocate answered HTTP ${result.status} ${JSON.stringify(result.reply)}`);
}

/** A customer opens a topic; Discourse sends topic_created and post_created, as it does. */
export async function askOnCommunity(
  discourse: DiscourseStandIn,
  t: Transcript,
  customer: CommunityUser,
  input: { id: number; title: string; tags: string[]; raw: string; minutesAgo?: number },
): Promise<Topic> {
  const { topic, post } = discourse.createTopic(customer, input);
  t.line(
    `${customer.name.split(" ")[0] ?? customer.username} (customer)`,
    "Discourse",
    `opens topic #${topic.id} “${topic.title}” (tags: ${topic.tags.join(", ")})`,
  );
  webhookOk(await discourse.emit("topic_created", discourse.topicCreatedBody(topic)), "topic_created");
  webhookOk(await discourse.emit("post_created", discourse.postCreatedBody(post)), "post_created (first post)");
  return topic;
}

/**
 * The app's POST /posts.json for this topic (the first since the activity index `after`), made as the employee's
 * own community account; the new post's id.
 */
export async function publishedAs(discourse: DiscourseStandIn, topicId: number, username: string, after = 0): Promise<number> {
  const published = await waitFor(`POST /posts.json on Discourse for #${topicId}`, () =>
    discourse.activity
      .slice(after)
      .find(
        (a) =>
          a.kind === "api" &&
          a.method === "POST" &&
          a.path === "/posts.json" &&
          a.status === 200 &&
          (a.body as { topic_id?: number } | null)?.topic_id === topicId,
      ),
  );
  if (published.kind !== "api" || published.apiUsername !== username) {
    throw new StoryFailure(`the answer was posted as @${published.kind === "api" ? published.apiUsername : "?"}, not as @${username}`);
  }
  return (published.response as { id: number }).id;
}
