import { withoutId, type Db } from "./db";
import type { CardRepo } from "../../core/cards";

export function cardRepo(db: Db): CardRepo {
  return {
    byId: (id) => db.card.findUnique({ where: { id } }),
    forQuestion: (questionId) => db.card.findMany({ where: { questionId }, orderBy: { createdAt: "asc" } }),
    find: (questionId, surface, channelId) => db.card.findUnique({ where: { questionId_surface_channelId: { questionId, surface, channelId } } }),
    byMessage: (surface, channelId, messageRef) => db.card.findFirst({ where: { surface, channelId, messageRef } }),
    create: (card) => db.card.create({ data: card }),
    update: (id, patch) => db.card.update({ where: { id }, data: withoutId(patch) }),
  };
}
