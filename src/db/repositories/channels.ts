import type { ChannelRepo } from "../../core/ports";
import type { Db } from "./db";

export function channelRepo(db: Db): ChannelRepo {
  return {
    async locale(surface, channelId) {
      const setting = await db.channelSetting.findUnique({ where: { surface_channelId: { surface, channelId } } });
      return setting?.locale ?? null;
    },
    async setLocale(surface, channelId, locale) {
      await db.channelSetting.upsert({ where: { surface_channelId: { surface, channelId } }, create: { surface, channelId, locale }, update: { locale } });
    },
    async fallback() {
      const setting = await db.channelSetting.findFirst({ where: { isFallback: true } });
      return setting ? { surface: setting.surface, channelId: setting.channelId } : null;
    },
    async setFallback(surface, channelId) {
      await db.channelSetting.updateMany({ where: { isFallback: true }, data: { isFallback: false } });
      await db.channelSetting.upsert({ where: { surface_channelId: { surface, channelId } }, create: { surface, channelId, isFallback: true }, update: { isFallback: true } });
    },
    async problems() {
      const setting = await db.channelSetting.findFirst({ where: { isProblems: true } });
      return setting ? { surface: setting.surface, channelId: setting.channelId } : null;
    },
    async setProblems(surface, channelId) {
      await db.channelSetting.updateMany({ where: { isProblems: true }, data: { isProblems: false } });
      await db.channelSetting.upsert({ where: { surface_channelId: { surface, channelId } }, create: { surface, channelId, isProblems: true }, update: { isProblems: true } });
    },
  };
}
