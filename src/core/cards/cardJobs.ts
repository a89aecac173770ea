// The outbox work of this feature: a question card posted in a channel, and redrawn.
import { z } from "zod";

export const cardJobs = [
  z.object({ kind: z.literal("chat.postCard"), cardId: z.string() }),
  z.object({ kind: z.literal("chat.refreshCard"), cardId: z.string() }),
] as const;

export type CardJob = z.infer<(typeof cardJobs)[number]>;
