// Where the core keeps what it knows, for this part of it: the repository the database adapter implements.
import type { ReplyDraft } from "../kernel/model";

export interface ReplyDraftRepo {
  byId(id: string): Promise<ReplyDraft | null>;
  /** The draft of one chat reply to a card. */
  byReply(cardId: string, replyRef: string): Promise<ReplyDraft | null>;
  /** The draft of this reply, created once: a redelivered reply gets the draft already there. */
  create(draft: Pick<ReplyDraft, "cardId" | "employeeId" | "replyRef" | "body">): Promise<ReplyDraft>;
  update(id: string, patch: Partial<Pick<ReplyDraft, "body" | "state">>): Promise<ReplyDraft>;
  /** The employee's drafts still waiting for their click, oldest first. */
  offeredTo(employeeId: string): Promise<ReplyDraft[]>;
}
