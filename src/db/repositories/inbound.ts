import type { Db } from "./db";
import type { InboundRepo } from "../../core/questions";

export function inboundRepo(db: Db): InboundRepo {
  return {
    async record(event) {
      const rows = await db.$queryRawUnsafe<Array<{ id: bigint }>>(
        `INSERT INTO "InboundEvent" (source, "deliveryId", "businessKey", name, payload) VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT DO NOTHING RETURNING id`,
        event.source,
        event.deliveryId,
        event.businessKey,
        event.name,
        JSON.stringify(event.payload),
      );
      return rows[0] ? { id: String(rows[0].id) } : null;
    },
    async markProcessed(id, outcome) {
      await db.inboundEvent.update({ where: { id: BigInt(id) }, data: { processedAt: new Date(), outcome } });
    },
  };
}
