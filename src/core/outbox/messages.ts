// The durable work items the core asks for. Payloads are re-validated when read back from storage.
import { z } from "zod";
import { IDEA_PROBLEMS, IDEA_STATUSES } from "../ideas/ideaStatus";
import { communityEventSchema } from "../events";

const surface = z.enum(["slack", "teams"]);

const date = z.coerce.date();

/** Why an answer form was refused (the field messages of every surface's form use the same names). */
export const SUBMIT_PROBLEMS = ["empty", "too_long", "no_consent", "not_linked", "not_found", "not_open"] as const;

export const noticeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("answer_published"), title: z.string(), url: z.string(), points: z.number().int() }),
  z.object({ type: z.literal("solution_accepted"), title: z.string(), url: z.string(), points: z.number().int() }),
  z.object({ type: z.literal("answer_queued"), title: z.string() }),
  z.object({ type: z.literal("answer_failed"), title: z.string(), reason: z.string(), text: z.string() }),
  z.object({ type: z.literal("answer_refused"), problem: z.enum(SUBMIT_PROBLEMS), text: z.string() }),
  z.object({
    type: z.literal("idea_status_published"),
    title: z.string(),
    url: z.string(),
    status: z.string(),
    points: z.number().int(),
    tagProblem: z.string().nullable(),
  }),
  z.object({ type: z.literal("idea_status_failed"), title: z.string(), reason: z.string(), text: z.string() }),
  z.object({ type: z.literal("idea_status_refused"), problem: z.enum(IDEA_PROBLEMS), text: z.string() }),
  z.object({ type: z.literal("link_offer"), username: z.string(), host: z.string() }),
  z.object({ type: z.literal("link_not_found"), email: z.string() }),
  z.object({ type: z.literal("link_no_email") }),
  z.object({ type: z.literal("ai_budget_spent"), budget: z.number().int() }),
  /** 50 % and 90 % of a promise's business time used, no answer yet. */
  z.object({ type: z.literal("promise_reminder"), title: z.string(), url: z.string(), leftMinutes: z.number().int() }),
  /** The promise's time is up without an answer (to the card's channel, or whoever it escalates to). */
  z.object({ type: z.literal("promise_missed"), title: z.string(), url: z.string(), promiseMinutes: z.number().int() }),
  /** After downtime: one message for everything that moved on meanwhile, not one each. */
  /** A new question about a topic the employee follows. */
  z.object({ type: z.literal("followed_question"), topic: z.string(), title: z.string(), url: z.string() }),
  /** The same complaint or question from several customers this week. */
  z.object({
    type: z.literal("recurring_problem"),
    label: z.string(),
    count: z.number().int(),
    items: z.array(z.object({ title: z.string(), url: z.string() })).min(1),
  }),
  z.object({
    type: z.literal("promise_catch_up"),
    items: z.array(z.object({ title: z.string(), url: z.string(), missed: z.boolean(), leftMinutes: z.number().int() })).min(1),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;

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
    /** HR's choice on their home: the report for this period and department is shown (and audited). */
    report: z.object({ period: z.string().max(40), department: z.string().max(100).nullable() }).optional(),
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
    file: z.object({
      filename: z.string(),
      title: z.string(),
      content: z.string(),
      /** A weekly trend for a surface that can attach its chart beside the file. */
      trend: z.array(z.object({ week: z.string(), activeAdvocates: z.number().int(), answers: z.number().int() })).optional(),
    }),
  }),
]);
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
/** A text file for one person (a report's CSV). */
export type HomeReportChoice = NonNullable<Extract<OutboxMessage, { kind: "chat.publishHome" }>["report"]>;

export type ChatFile = Extract<OutboxMessage, { kind: "chat.sendFile" }>["file"];

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
