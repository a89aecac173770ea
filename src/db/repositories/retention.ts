import type { Db } from "./db";
import type { RetentionRepo } from "../../core/personalData";

export function retentionRepo(db: Db): RetentionRepo {
  return {
    async sweep(before) {
      const inbound = await db.inboundEvent.deleteMany({ where: { processedAt: { lt: before } } });
      // Dead items stay for operators to look at and retry (docs/privacy.md); done ones have nothing left to say.
      const outbox = await db.outboxItem.deleteMany({ where: { status: "done", doneAt: { lt: before } } });
      return { inboundEvents: inbound.count, outboxItems: outbox.count };
    },
  };
}
