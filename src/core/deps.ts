import type { ChatSurface, Clock, CommunityPort, LanguageModel, ScheduleTimers } from "./ports";
import type { OutboxMessage } from "./outbox/messages";
import type { Surface } from "./kernel/model";
import type { BusinessCalendar } from "./kernel/businessCalendar";
import type { Repos, Store } from "./store";

export interface CoreSettings {
  defaultLocale: "en" | "nl";
  /** How long a claim holds before colleagues may take the question. */
  claimTtlMs: number;
  /** Wait before routing a new topic, so that its topic and first-post webhooks can both arrive. */
  routeDelayMs: number;
  excerptLength: number;
  /** Company timezone: leaderboard weeks, months and quarters follow it. */
  timezone: string;
  /** Community usernames whose posts are never questions nor answers (brand and bot accounts). */
  ignoredUsernames: string[];
  /** HR people (chat user ids) who may see reports without being admins. */
  hrIds: string[];
  /** HR's reports show no department with fewer known people than this. */
  minGroupSize: number;
  /** Advocate admins (chat user ids): they may change rules and see reports. */
  adminIds: string[];
  /** Business hours and holidays: response promises count only this time. */
  calendar: BusinessCalendar;
  /** Customers with the same complaint or question in 7 days before the product channel hears of it. */
  recurringProblemThreshold: number;
  /** Processed inbound events and done outbox work older than this many days are dropped (docs/privacy.md). */
  retentionDays: number;
}

export interface AiSettings {
  /** The admin's topic list: the model labels posts with these and no others. */
  topics: string[];
  /** Below this the model's routing choice is ignored and rules route. */
  confidenceThreshold: number;
  /** Tokens a day (company timezone); past it, rules only until tomorrow. */
  dailyTokenBudget: number;
  /** Cosine similarity from which two posts' embeddings are taken for the same recurring problem. */
  similarityThreshold: number;
  /** Added under an answer written from an AI draft; null adds nothing. */
  assistedLabel: string | null;
}

/** The repositories within a transaction, with the outbox taking the core's own kinds of work. */
export type CoreRepos = Repos<OutboxMessage>;
export type CoreStore = Store<OutboxMessage>;

export interface CoreDeps {
  store: CoreStore;
  community: CommunityPort;
  chat: Partial<Record<Surface, ChatSurface>>;
  clock: Clock;
  settings: CoreSettings;
  /** Absent without an AI key: everything then runs on rules. */
  ai?: { model: LanguageModel; settings: AiSettings; warn(message: string, fields: Record<string, unknown>): void };
  /** Absent where nothing runs on a schedule (tests of the core alone); other replicas reload on their own. */
  timers?: ScheduleTimers;
}

export function chatFor(deps: Pick<CoreDeps, "chat">, surface: string): ChatSurface {
  const chat = deps.chat[surface as Surface];
  if (!chat) throw new Error(`no chat surface configured for ${surface}`);
  return chat;
}
