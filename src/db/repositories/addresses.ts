import { isDeepStrictEqual } from "node:util";
import type { AddressRepo } from "../../core/ports";
import type { Prisma } from "../../generated/prisma/client";
import type { Db } from "./db";
import { hotReads } from "./hotReads";

export function addressRepo(db: Db): AddressRepo {
  return {
    async get(surface, kind, externalId) {
      return (await hotReads(db).address(surface, kind, externalId))?.reference ?? null;
    },
    async save(surface, kind, externalId, reference) {
      const json = JSON.parse(JSON.stringify(reference)) as Prisma.InputJsonValue;
      // Every Teams activity remembers its addresses, and nearly always nothing changed: a read then, not a write
      // that locks the row (fifty clicks in one channel would queue behind each other's upserts).
      const known = await hotReads(db).address(surface, kind, externalId);
      if (known && isDeepStrictEqual(known.reference, json)) return;
      await db.chatAddress.upsert({
        where: { surface_kind_externalId: { surface, kind, externalId } },
        create: { surface, kind, externalId, reference: json },
        update: { reference: json },
      });
    },
    async list(surface, kind) {
      const rows = await db.chatAddress.findMany({ where: { surface, kind }, orderBy: { externalId: "asc" } });
      return rows.map((row) => ({ externalId: row.externalId, reference: row.reference }));
    },
  };
}
