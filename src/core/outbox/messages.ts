// The durable work items the core asks for. Payloads are re-validated when read back from storage.
import { z } from "zod";
import { IDEA_STATUSES } from "../kernel/ideaStatus";
import { noticeSchema } from "../ports/views/notice";
import { chatFileSchema } from "../ports/views/chatFile";
import { communityEventSchema } from "../kernel/events";
import { homeReportChoiceSchema } from "../ports/views/reportView";

const surface = z.enum(["slack", "teams"]);

const date = z.coerce.date();

export const outboxMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("community.event"), community: z.string(), inboundId: z.string(), event: communityEventSchema }),
  z.object({ kind: z.literal("community.fetchTopic"), questionId: z.string() }),
  z.object({ kind: z.literal("community.publishAnswer"), answerId: z.string() }),
  z.object({ kind: z.literal("community.ideaStatus"), updateId: z.string() }),
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
  z.object({ kind: z.literal("community.poll") }),
  z.object({ kind: z.literal("account.lookup"), employeeId: z.string() }),
  z.object({ kind: z.literal("question.route"), questionId: z.string() }),
  z.object({ kind: z.literal("chat.postCard"), cardId: z.string() }),
  z.object({ kind: z.literal("chat.refreshCard"), cardId: z.string() }),
  z.object({ kind: z.literal("chat.threadReply"), cardId: z.string(), answerId: z.string() }),
  z.object({ kind: z.literal("chat.notify"), surface, userId: z.string(), locale: z.string(), notice: noticeSchema }),
  z.object({
    kind: z.literal("chat.publishHome"),
    surface,
    userId: z.string(),
    report: homeReportChoiceSchema.optional(),
  }),
  z.object({ kind: z.literal("claims.expire") }),
  z.object({ kind: z.literal("story.scheduled"), scheduleId: z.number().int(), slot: date }),
  z.object({ kind: z.literal("chat.postStory"), storyId: z.string() }),
  z.object({
    kind: z.literal("chat.channelNotice"),
    surface: surface,
    channelId: z.string(),
    threadRef: z.string().nullable(),
    locale: z.string(),
    notice: noticeSchema,
  }),
  z.object({ kind: z.literal("promises.check") }),
  z.object({
    kind: z.literal("chat.sendFile"),
    surface,
    userId: z.string(),
    locale: z.string(),
    file: chatFileSchema,
  }),
]);
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

const ROUTE_LANES = 4;

/** Lanes: items of one lane run one at a time, in order, paced (a chat channel, a community's API key). */
export const lanes = {
  inbound: (community: string) => `inbound:${community}`,
  /** Routing may wait seconds on a language model: a few lanes, so one slow answer holds up few questions. */
  route: (questionId: string) => `route:${[...questionId].reduce((sum, char) => sum + char.charCodeAt(0), 0) % ROUTE_LANES}`,
  /** Routing needs no order between questions: a question still waiting for its webhooks holds up no other. */
  isUnordered: (lane: string) => lane.startsWith("route:"),
  jobs: () => "jobs",
  /** Received answer forms, in the order they came: the first form with a submission key owns it. */
  answers: () => "answers",
  community: (community: string) => `community:${community}`,
  channel: (surfaceName: string, channelId: string) => `${surfaceName}:channel:${channelId}`,
  user: (surfaceName: string, userId: string) => `${surfaceName}:user:${userId}`,
};
