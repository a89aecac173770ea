// The outbox work of this feature: notices and files for a person or a channel.
import { z } from "zod";
import { surfaceSchema } from "../kernel/model";
import { noticeSchema } from "../ports/views/notice";
import { chatFileSchema } from "../ports/views/chatFile";

export const noticeJobs = [
  z.object({ kind: z.literal("chat.notify"), surface: surfaceSchema, userId: z.string(), locale: z.string(), notice: noticeSchema }),
  z.object({
    kind: z.literal("chat.channelNotice"),
    surface: surfaceSchema,
    channelId: z.string(),
    threadRef: z.string().nullable(),
    locale: z.string(),
    notice: noticeSchema,
  }),
  z.object({
    kind: z.literal("chat.sendFile"),
    surface: surfaceSchema,
    userId: z.string(),
    locale: z.string(),
    file: chatFileSchema,
  }),
] as const;

export type NoticeJob = z.infer<(typeof noticeJobs)[number]>;
