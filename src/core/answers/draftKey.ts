// A draft's answer carries the draft in its submission key: Publish, a second Publish, and "Edit first" followed by
// the form's own submit are all one answer, and whichever comes first closes the draft.
import type { CoreRepos } from "../deps";

const PREFIX = "draft:";

export const draftSubmissionKey = (draftId: string) => `${PREFIX}${draftId}`;

export const isDraftKey = (submissionKey: string) => submissionKey.startsWith(PREFIX);

/** Closes the draft an answer was made from, in the answer's own transaction. */
export async function closeDraftOf(tx: Pick<CoreRepos, "replyDrafts">, submissionKey: string): Promise<void> {
  const draft = isDraftKey(submissionKey) ? await tx.replyDrafts.byId(submissionKey.slice(PREFIX.length)) : null;
  if (draft?.state === "offered") await tx.replyDrafts.update(draft.id, { state: "published" });
}
