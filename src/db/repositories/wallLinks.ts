import type { Db } from "./db";
import type { WallLinkRepo } from "../../core/wall";

const shown = { id: true, label: true, createdBy: true, createdAt: true, revokedAt: true, revokedBy: true, lastSeenAt: true } as const;

export function wallLinkRepo(db: Db): WallLinkRepo {
  return {
    create: (link) => db.wallLink.create({ data: link, select: shown }),
    list: () => db.wallLink.findMany({ orderBy: { id: "desc" }, select: shown }),
    async revoke(id, by, at) {
      const { count } = await db.wallLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at, revokedBy: by } });
      return count === 1;
    },
    async use(tokenHash, at) {
      const [link] = await db.wallLink.updateManyAndReturn({ where: { tokenHash, revokedAt: null }, data: { lastSeenAt: at }, select: shown });
      return link ?? null;
    },
  };
}
