import type { FileOfferRepo } from "../../core/ports";
import type { Db } from "./db";

export function fileOfferRepo(db: Db): FileOfferRepo {
  return {
    async create(offer) {
      const row = await db.fileOffer.create({ data: { ...offer, content: offer.content.toString("base64") } });
      return row.id;
    },
    async byId(id) {
      const row = await db.fileOffer.findUnique({ where: { id } });
      return row ? { ...row, content: Buffer.from(row.content, "base64") } : null;
    },
    async delivered(id, at) {
      await db.fileOffer.update({ where: { id }, data: { deliveredAt: at } });
    },
    async remove(id) {
      await db.fileOffer.deleteMany({ where: { id } });
    },
  };
}
