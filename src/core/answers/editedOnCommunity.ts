// One of our published answers was edited on the community itself (a post_edited webhook, its text read back from
// the community's API): our copy and its echo in the card's thread follow.
import type { CoreDeps, CoreRepos } from "../deps";
import type { Answer } from "../kernel/model";
import { answerMarker } from "./publishAnswer";
import { redrawEchoLater } from "./changeOnCommunity";

/** The outcome for the log, or null when the post is not one of our standing answers. */
export async function answerEditedOnCommunity(deps: Pick<CoreDeps, "clock" | "ai">, tx: CoreRepos, postId: number, raw: string): Promise<string | null> {
  const answer = await tx.answers.byCommunityPost(postId);
  if (!answer || answer.status !== "published" || answer.deletedAt) return null;
  const body = bodyOf(deps, answer, raw);
  // Our own edits come back this way too: then there is nothing new.
  if (!body || body === answer.body) return "our answer: no change";
  await tx.answers.update(answer.id, { body });
  await redrawEchoLater(tx, answer, `community:${deps.clock.now().getTime()}`);
  return "our answer edited on the community";
}

/** The employee's words in the post: without our hidden marker, nor the AI label we added. */
function bodyOf(deps: Pick<CoreDeps, "ai">, answer: Answer, raw: string): string {
  let body = raw.replace(answerMarker(answer.id), "").trim();
  const label = answer.aiAssisted ? deps.ai?.settings.assistedLabel : null;
  if (label && body.endsWith(label)) body = body.slice(0, -label.length).trim();
  return body;
}
