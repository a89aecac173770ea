import { withoutId, type Db } from "./db";
import { hotReads } from "./hotReads";
import type { CardRepo } from "../../core/cards";

export function cardRepo(db: Db): CardRepo {
  return {
    byId: (id) => hotReads(db).cardById(id),
    forQuestion: (questionId) => db.card.findMany({ where: { questionId }, orderBy: { createdAt: "asc" } }),
    find: (questionId, surface, channelId) => hotReads(db).card(questionId, surface, channelId),
    byMessage: (surface, channelId, messageRef) => db.card.findFirst({ where: { surface, channelId, messageRef } }),
    create: (card) => db.card.create({ data: card }),
    update: (id, patch) => db.card.update({ where: { id }, data: withoutId(patch) }),
  };
}
