// The outbox work of this feature: an answer form received, published on the community under its author's name, and echoed in the card's
// thread; later edited or withdrawn by its author.
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
  /** The author's edit of a published answer; `key` is the form's submission (one edit per form). */
  z.object({ kind: z.literal("community.editAnswer"), answerId: z.string(), body: z.string(), reason: z.string().nullable(), key: z.string() }),
  z.object({ kind: z.literal("community.withdrawAnswer"), answerId: z.string() }),
  /** The echo in the card's thread redrawn after an edit or a withdrawal. */
  z.object({ kind: z.literal("chat.threadReplyUpdate"), cardId: z.string(), answerId: z.string() }),
  /** A reply in a card's thread, offered to its author alone as an answer (see replyDrafts). */
  z.object({ kind: z.literal("chat.offerDraft"), draftId: z.string() }),
] as const;

export type AnswerJob = z.infer<(typeof answerJobs)[number]>;
