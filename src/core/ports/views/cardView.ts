// What a question card shows, decided once for every chat surface (cards/buildCardView.ts); presenters only draw it.
import type { ChatTarget } from "../../kernel/model";

export type CardState =
  | { type: "open" }
  | { type: "claimed"; by: string; until: Date }
  | { type: "answered"; by: string; url: string | null }
  | { type: "answered_elsewhere"; by: string; url: string | null }
  | { type: "customer_replied"; by: string | null; customer: string; replyUrl: string }
  | { type: "closed"; answeredBy: string | null }
  | { type: "deleted" }
  | { type: "passed_on"; by: string; note: string }
  /** The community moved or retagged the topic and routing now sends it to another channel. */
  | { type: "moved"; to: ChatTarget };

/** editAnswer and withdrawAnswer open a form for the presser's own published answer on the question. */
export type CardAction = "answer" | "claim" | "release" | "pass" | "idea" | "editAnswer" | "withdrawAnswer";

/** Why rules routed a question where AI is configured. */
export const RULES_BECAUSE = ["unsure", "invalid", "error", "budget", "off"] as const;
export type RulesBecause = (typeof RULES_BECAUSE)[number];

/** A response promise as the card shows it: its deadline while open, whether it was kept once answered. */
export type CardPromise =
  | { type: "pending"; dueAt: Date; minutes: number }
  | { type: "overdue"; minutes: number }
  | { type: "kept"; answeredAfterMinutes: number }
  | { type: "missed"; answeredAfterMinutes: number; lateByMinutes: number };

/** How AI took part in putting the card here; null where no AI is configured. */
export type CardRouting = { by: "ai"; confidence: number } | { by: "rules"; because: RulesBecause; confidence: number | null } | null;

export interface CardView {
  cardId: string;
  topicId: number;
  locale: string;
  title: string;
  excerpt: string;
  url: string;
  author: string | null;
  category: string | null;
  tags: string[];
  language: string | null;
  kind: string | null;
  postedAt: Date;
  now: Date;
  state: CardState;
  actions: CardAction[];
  routing: CardRouting;
  promise: CardPromise | null;
  /** Colleagues who answered similar questions well before. */
  experts: string[];
  /** The model's one-line summary in the card's language, when there is one. */
  summary: string | null;
  /** An idea's public status (null until one is set); null for anything but an idea. */
  idea: { status: string | null; by: string | null } | null;
}
