import type { Db } from "./db";
import type { CursorRepo } from "../../core/questions";

export function cursorRepo(db: Db): CursorRepo {
  return {
    async get(key) {
      return (await db.cursor.findUnique({ where: { key } }))?.value ?? null;
    },
    async set(key, value) {
      await db.cursor.upsert({ where: { key }, create: { key, value }, update: { value } });
    },
  };
}
