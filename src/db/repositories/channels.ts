import type { Db } from "./db";
import type { ChannelRepo } from "../../core/routing";

/** Roles one channel at a time plays: the fallback for unrouted questions, the one hearing of recurring problems. */
type Role = "isFallback" | "isProblems";

export function channelRepo(db: Db): ChannelRepo {
  const theOne = async (role: Role) => {
    const setting = await db.channelSetting.findFirst({ where: { [role]: true } });
    return setting ? { surface: setting.surface, channelId: setting.channelId } : null;
  };
  const makeTheOne = async (role: Role, surface: string, channelId: string) => {
    await db.channelSetting.updateMany({ where: { [role]: true }, data: { [role]: false } });
    await db.channelSetting.upsert({
      where: { surface_channelId: { surface, channelId } },
      create: { surface, channelId, [role]: true },
      update: { [role]: true },
    });
  };
  return {
    async locale(surface, channelId) {
      const setting = await db.channelSetting.findUnique({ where: { surface_channelId: { surface, channelId } } });
      return setting?.locale ?? null;
    },
    async setLocale(surface, channelId, locale) {
      await db.channelSetting.upsert({ where: { surface_channelId: { surface, channelId } }, create: { surface, channelId, locale }, update: { locale } });
    },
    fallback: () => theOne("isFallback"),
    setFallback: (surface, channelId) => makeTheOne("isFallback", surface, channelId),
    problems: () => theOne("isProblems"),
    setProblems: (surface, channelId) => makeTheOne("isProblems", surface, channelId),
  };
}
