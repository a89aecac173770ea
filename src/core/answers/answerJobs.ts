// The outbox work of this feature: an answer form received, published on the community under its author's name, and echoed in the card's thread.
import { z } from "zod";

export const answerJobs = [
  /** An answer form as submitted, stored before the chat is acknowledged and checked after (see receiveAnswer). */
  z.object({
    kind: z.literal("answer.received"),
    actor: z.object({ surface: z.string(), userId: z.string(), displayName: z.string().nullable() }),
    form: z.object({
      channelId: z.string(),
      topicId: z.number().int(),
      body: z.string(),
      consent: z.boolean(),
      submissionKey: z.string(),
      aiAssisted: z.boolean().default(false),
    }),
  }),
  z.object({ kind: z.literal("community.publishAnswer"), answerId: z.string() }),
  z.object({ kind: z.literal("chat.threadReply"), cardId: z.string(), answerId: z.string() }),
] as const;

export type AnswerJob = z.infer<(typeof answerJobs)[number]>;
