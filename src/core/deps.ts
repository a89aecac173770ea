import type { ChatSurface, Clock, CommunityPort, ScheduleTimers, Store } from "./ports";
import type { Surface } from "./model";

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
  /** Advocate admins (chat user ids): they may change rules and see reports. */
  adminIds: string[];
}

export interface CoreDeps {
  store: Store;
  community: CommunityPort;
  chat: Partial<Record<Surface, ChatSurface>>;
  clock: Clock;
  settings: CoreSettings;
  /** Absent where nothing runs on a schedule (tests of the core alone); other replicas reload on their own. */
  timers?: ScheduleTimers;
}

export function chatFor(deps: CoreDeps, surface: string): ChatSurface {
  const chat = deps.chat[surface as Surface];
  if (!chat) throw new Error(`no chat surface configured for ${surface}`);
  return chat;
}
