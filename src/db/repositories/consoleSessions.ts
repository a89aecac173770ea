import type { Db } from "./db";
import type { ConsoleSessionRepo } from "../../core/consoleSessions";

export function consoleSessionRepo(db: Db): ConsoleSessionRepo {
  return {
    async create(session) {
      await db.consoleSession.create({ data: session });
    },
    byTokenHash: (tokenHash) => db.consoleSession.findUnique({ where: { tokenHash } }),
    async touch(tokenHash, lastSeenAt) {
      await db.consoleSession.updateMany({ where: { tokenHash }, data: { lastSeenAt } });
    },
    async remove(tokenHash) {
      await db.consoleSession.deleteMany({ where: { tokenHash } });
    },
    async removeExpired(now) {
      return (await db.consoleSession.deleteMany({ where: { expiresAt: { lt: now } } })).count;
    },
  };
}
