// The outbox work of this feature: an idea status form received, and published on the community.
import { z } from "zod";
import { IDEA_STATUSES } from "../kernel/ideaStatus";

export const ideaJobs = [
  /** An idea status form as submitted, stored before the chat is acknowledged and checked after (see receiveIdeaStatus). */
  z.object({
    kind: z.literal("idea.received"),
    actor: z.object({ surface: z.string(), userId: z.string(), displayName: z.string().nullable() }),
    form: z.object({
      channelId: z.string(),
      topicId: z.number().int(),
      status: z.enum(IDEA_STATUSES),
      body: z.string(),
      reason: z.string(),
      consent: z.boolean(),
      submissionKey: z.string(),
    }),
  }),
  z.object({ kind: z.literal("community.ideaStatus"), updateId: z.string() }),
] as const;

export type IdeaJob = z.infer<(typeof ideaJobs)[number]>;
