// What Advocate tells a person or a channel, as data: every surface words each type in its own locale files.
import { z } from "zod";
import { IDEA_PROBLEMS } from "../../kernel/ideaStatus";

/** Why an answer form was refused (the field messages of every surface's form use the same names). */
export const SUBMIT_PROBLEMS = ["empty", "too_long", "no_consent", "not_linked", "not_found", "not_open"] as const;

export const noticeSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("answer_published"), title: z.string(), url: z.string(), points: z.number().int() }),
  z.object({ type: z.literal("solution_accepted"), title: z.string(), url: z.string(), points: z.number().int() }),
  z.object({ type: z.literal("answer_queued"), title: z.string() }),
  z.object({ type: z.literal("answer_failed"), title: z.string(), reason: z.string(), text: z.string() }),
  z.object({ type: z.literal("answer_refused"), problem: z.enum(SUBMIT_PROBLEMS), text: z.string() }),
  /** The community refused an edit or a withdrawal of a published answer: its reason, and the text the employee wrote. */
  z.object({ type: z.literal("answer_change_failed"), change: z.enum(["edit", "withdraw"]), title: z.string(), reason: z.string(), text: z.string() }),
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
  /** The customer wrote again after an answer: in the card's thread, the answerer mentioned. */
  z.object({
    type: z.literal("customer_follow_up"),
    title: z.string(),
    url: z.string(),
    customer: z.string(),
    excerpt: z.string(),
    answerer: z.object({ surface: z.string(), externalId: z.string(), displayName: z.string().nullable() }).nullable(),
  }),
  z.object({ type: z.literal("link_offer"), username: z.string(), host: z.string() }),
  /** No community account has this work email: where to sign up, and whether a draft of theirs waits meanwhile. */
  z.object({ type: z.literal("link_not_found"), email: z.string(), signupUrl: z.string().optional(), textKept: z.boolean().optional() }),
  /**
   * A reply of theirs in a card's thread, offered to its author alone as an answer: publish it as `username`, edit
   * it first, or leave it as chat. Without a linked account (`username` null), linking comes first.
   */
  z.object({
    type: z.literal("reply_draft"),
    draftId: z.string(),
    topicId: z.number().int(),
    title: z.string(),
    text: z.string(),
    username: z.string().nullable(),
  }),
  z.object({ type: z.literal("link_no_email") }),
  /** Two chat identities turned out to be one person (same verified work email): what was kept of two. */
  z.object({
    type: z.literal("identity_merged"),
    linkedAs: z.string().nullable(),
    conflicts: z.array(z.object({ kind: z.enum(["community_link", "charity"]), kept: z.string(), dropped: z.string() })),
  }),
  z.object({ type: z.literal("ai_budget_spent"), budget: z.number().int() }),
  /** 50 % and 90 % of a promise's business time used, no answer yet. */
  z.object({ type: z.literal("promise_reminder"), title: z.string(), url: z.string(), leftMinutes: z.number().int() }),
  /** The promise's time is up without an answer (to the card's channel, or whoever it escalates to). */
  z.object({ type: z.literal("promise_missed"), title: z.string(), url: z.string(), promiseMinutes: z.number().int() }),
  /** A new question about a topic the employee follows. */
  z.object({ type: z.literal("followed_question"), topic: z.string(), title: z.string(), url: z.string() }),
  /** The same complaint or question from several customers this week. */
  z.object({
    type: z.literal("recurring_problem"),
    label: z.string(),
    count: z.number().int(),
    items: z.array(z.object({ title: z.string(), url: z.string() })).min(1),
  }),
  /** After downtime: one message for everything that moved on meanwhile, not one each. */
  z.object({
    type: z.literal("promise_catch_up"),
    items: z.array(z.object({ title: z.string(), url: z.string(), missed: z.boolean(), leftMinutes: z.number().int() })).min(1),
  }),
]);
export type Notice = z.infer<typeof noticeSchema>;
