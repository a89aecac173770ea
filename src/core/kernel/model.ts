// Plain domain records, shaped like the stored rows but free of any persistence library.
import { z } from "zod";

/** The chat surfaces Advocate speaks on. */
export const surfaceSchema = z.enum(["slack", "teams"]);
export type Surface = z.infer<typeof surfaceSchema>;
export type QuestionKind = "question" | "complaint" | "idea" | "praise";

/**
 * Where a question stands. pending: stored, waiting for its other webhook or for routing; open: on a card, no
 * answer yet; answered: answered through Advocate; answered_elsewhere: someone answered on the community itself;
 * closed and deleted: as the community says.
 */
/** customer_replied: the customer (or another) wrote again after our answer, and it may be answered again. */
export const QUESTION_STATUSES = ["pending", "open", "answered", "answered_elsewhere", "customer_replied", "closed", "deleted"] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** An answer or idea reply on its way to the community: queued, being posted, out, or refused for good. */
export const PUBLICATION_STATES = ["queued", "publishing", "published", "failed"] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export interface Question {
  id: string;
  community: string;
  topicId: number;
  title: string;
  bodyText: string | null;
  authorUsername: string | null;
  authorName: string | null;
  categoryId: number | null;
  categorySlug: string | null;
  tags: string[];
  hasTopicFacts: boolean;
  language: string | null;
  kind: string | null;
  url: string;
  postedAt: Date;
  status: QuestionStatus;
  routedAt: Date | null;
  answeredBy: string | null;
  answeredUrl: string | null;
  /** The customer's latest reply after an answer: who wrote it and where (null until there is one). */
  followUpBy: string | null;
  followUpUrl: string | null;
  claimedById: string | null;
  claimExpiresAt: Date | null;
  /** What the AI made of it, when AI is configured (see core/ai). */
  topics: string[];
  urgency: string | null;
  sentiment: string | null;
  /** One line per language Advocate speaks: {"en": …, "nl": …}. */
  summaries: Record<string, string> | null;
  aiOutcome: string | null;
  aiConfidence: number | null;
  /** The response promise it was routed under (see core/promises). */
  promiseMinutes: number | null;
  promiseDueAt: Date | null;
  promiseRuleId: number | null;
  promiseStage: number;
  firstAnsweredAt: Date | null;
  problemGroupId: number | null;
  /** Colleagues whose answers to similar questions were accepted (display names), suggested on the card. */
  experts: string[];
  /** An idea's public status once the community took it (see core/ideas), who set it and when. */
  ideaStatus: string | null;
  ideaStatusBy: string | null;
  ideaStatusAt: Date | null;
}

/** An idea status an employee set from chat: their reply on the topic and the topic's tag (see core/ideas). */
export interface IdeaUpdate {
  id: string;
  questionId: string;
  employeeId: string;
  status: string;
  body: string;
  reason: string | null;
  submissionKey: string;
  state: PublicationState;
  postedAs: string;
  communityPostId: number | null;
  postUrl: string | null;
  /** Why the community refused it (failed), or refused only its tag (published). */
  error: string | null;
  createdAt: Date;
  publishedAt: Date | null;
}

/** Where a draft answer from a thread reply stands: waiting for its author, published, dismissed by them, or gone from chat. */
export const DRAFT_STATES = ["offered", "published", "dismissed", "withdrawn"] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/** A reply in a card's thread (or a refused form's text), offered to its author alone as an answer (see core/answers). */
export interface ReplyDraft {
  id: string;
  cardId: string;
  employeeId: string;
  /** The reply in chat (Slack ts, Teams activity id), or a refused form's submission key. */
  replyRef: string;
  body: string;
  state: DraftState;
  createdAt: Date;
  updatedAt: Date;
}

/** Complaints and questions about the same thing (see core/problems). */
export interface ProblemGroup {
  id: number;
  label: string;
  keywords: string[];
  /** With AI on, the embedding of its first member (empty otherwise): similar posts join by meaning, not words. */
  embedding: number[];
  createdAt: Date;
  alertedAt: Date | null;
}

export interface Card {
  id: string;
  questionId: string;
  surface: string;
  channelId: string;
  locale: string;
  messageRef: string | null;
  postStartedAt: Date | null;
  routedBy: string;
  passedOnBy: string | null;
  passedOnNote: string | null;
  /** Where the question went when the community moved or retagged its topic: set, this card is no longer live. */
  movedToSurface: string | null;
  movedToChannelId: string | null;
}

export interface Employee {
  id: string;
  surface: string;
  externalId: string;
  displayName: string | null;
  locale: string | null;
  communityUsername: string | null;
  communityUserId: number | null;
  linkedAt: Date | null;
  offeredUsername: string | null;
  offeredUserId: number | null;
  /** From the chat profile once looked up; matches the HR directory. */
  email?: string | null;
  department?: string | null;
  /** `privacy hide`: others see "a colleague" on leaderboards. */
  hiddenOnLeaderboards?: boolean;
  /** Erased (`forget me`): the row carries a pseudonym; nobody is reached under it any more. */
  forgottenAt?: Date | null;
}

export interface Answer {
  id: string;
  questionId: string;
  employeeId: string;
  cardId: string | null;
  submissionKey: string;
  body: string;
  status: PublicationState;
  postedAs: string;
  communityPostId: number | null;
  postUrl: string | null;
  error: string | null;
  createdAt: Date;
  publishedAt: Date | null;
  /** Since when the community shows it as the solution; null when it is not (or no longer). */
  acceptedAt: Date | null;
  /** When echoing it into the card's thread was first tried (see echoInThread). */
  echoStartedAt: Date | null;
  /** Each accept after an unaccept pays again, under its own source key. */
  timesAccepted: number;
  /** Written from an AI draft, which the employee edited and submitted. */
  aiAssisted: boolean;
  deletedAt: Date | null;
}

/** A channel on a chat surface. */
export interface ChatTarget {
  surface: string;
  channelId: string;
}

export interface RoutingRule {
  id: number;
  priority: number;
  targets: ChatTarget[];
  categories: string[];
  tags: string[];
  keywords: string[];
  languages: string[];
  /** First answer within this many business minutes, or no promise. */
  promiseMinutes: number | null;
  /** Who hears of a missed promise: a channel or a person on a surface. */
  escalateSurface: string | null;
  escalateKind: string | null;
  escalateTo: string | null;
}

export interface LeaderboardRow {
  employeeId: string;
  displayName: string | null;
  externalId: string;
  surface: string;
  points: number;
  rank: number;
  /** The person chose `privacy hide`: others see "a colleague" here, and no name or id is in the row. */
  hidden?: boolean;
}

export interface TimeRange {
  from: Date | null;
  to: Date;
}

/** A customer story shown in a chat channel. */
export interface Story {
  id: string;
  surface: string;
  channelId: string;
  questionId: string;
  reason: string;
  promptIndex: number;
  runKey: string | null;
  messageRef: string | null;
  shownAt: Date;
}

/** When a channel gets a story by itself: days (mon..sun), HH:MM, in an IANA timezone. */
export interface StorySchedule {
  id: number;
  surface: string;
  channelId: string;
  days: string[];
  time: string;
  timezone: string;
  createdBy: string;
}
