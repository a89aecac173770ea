// The outbox work of this feature: a community's events, its poll, and routing a question to its channels.
import { z } from "zod";
import { communityEventSchema } from "../kernel/events";

export const questionJobs = [
  z.object({ kind: z.literal("community.event"), community: z.string(), inboundId: z.string(), event: communityEventSchema }),
  z.object({ kind: z.literal("community.fetchTopic"), questionId: z.string() }),
  z.object({ kind: z.literal("community.poll") }),
  z.object({ kind: z.literal("question.route"), questionId: z.string() }),
  /** The community may have moved or retagged the topic: route it again from what the community says now. */
  z.object({ kind: z.literal("question.reroute"), questionId: z.string() }),
] as const;

export type QuestionJob = z.infer<(typeof questionJobs)[number]>;
