import type { AddressRepo } from "../../core/ports";
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "./db";

export function addressRepo(db: Db): AddressRepo {
  return {
    async get(surface, kind, externalId) {
      const row = await db.chatAddress.findUnique({ where: { surface_kind_externalId: { surface, kind, externalId } } });
      return row?.reference ?? null;
    },
    async save(surface, kind, externalId, reference) {
      const json = reference as Prisma.InputJsonValue;
      await db.chatAddress.upsert({ where: { surface_kind_externalId: { surface, kind, externalId } }, create: { surface, kind, externalId, reference: json }, update: { reference: json } });
    },
  };
}
