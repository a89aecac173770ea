import type { Db } from "./db";
import { toReplyDraft } from "./states";
import type { ReplyDraftRepo } from "../../core/answers";

export function replyDraftRepo(db: Db): ReplyDraftRepo {
  return {
    byId: async (id) => nullable(await db.replyDraft.findUnique({ where: { id } })),
    byReply: async (cardId, replyRef) => nullable(await db.replyDraft.findUnique({ where: { cardId_replyRef: { cardId, replyRef } } })),
    create: async (draft) =>
      toReplyDraft(await db.replyDraft.upsert({ where: { cardId_replyRef: { cardId: draft.cardId, replyRef: draft.replyRef } }, create: draft, update: {} })),
    update: async (id, patch) => toReplyDraft(await db.replyDraft.update({ where: { id }, data: patch })),
    offeredTo: async (employeeId) =>
      (await db.replyDraft.findMany({ where: { employeeId, state: "offered" }, orderBy: { createdAt: "asc" } })).map(toReplyDraft),
  };
}

function nullable<T extends { state: string }>(row: T | null) {
  return row ? toReplyDraft(row) : null;
}
