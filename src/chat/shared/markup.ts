// How a surface writes rich text (Slack mrkdwn, Teams markdown), so the words can be shared and the markup not.
import type { ChatTarget } from "../../core/kernel/model";

export interface Markup {
  /** How people call Advocate on this surface, for hints in help and errors. */
  cmd: string;
  /** Makes outside text (community titles, names) inert: it cannot mention, link or format. */
  escape(text: string): string;
  /** Emphasis around text that is already escaped. */
  bold(text: string): string;
  link(url: string, label: string): string;
  /** A person on a leaderboard: a live mention where the surface has one for them. */
  person(row: { surface: string; externalId: string; displayName: string | null }): string;
  /** A routing target: a live channel link where the surface has one for it. */
  channel(target: ChatTarget, otherSurfaceLabel: (surface: string) => string): string;
}
