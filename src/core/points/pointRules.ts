import type { Repos } from "../store";
// What each contribution is worth, and the limits that keep the leaderboard fair. Admins change them in chat;
// a rule they never changed keeps its default, so an empty table is a working configuration.

export const DEFAULT_POINT_RULES = {
  answer_published: 10,
  /** Answering again after our first answer (the customer wrote back): worth an answer unless an admin says otherwise. */
  follow_up_answer: 10,
  solution_accepted: 25,
  like_received: 2,
  likes_per_answer: 10,
  /** Sharing a customer story on demand (`story`), at most `stories_per_day` times a day. */
  story_shared: 5,
  stories_per_day: 1,
  /** An idea's status set in public (once per idea and status): closing the loop with the customer. */
  idea_status: 5,
  /** Most points one employee earns per day (company timezone); revocations are never capped. */
  daily_cap: 100,
} as const;

export type PointRuleName = keyof typeof DEFAULT_POINT_RULES;
export type PointRules = Record<PointRuleName, number>;

export const POINT_RULE_NAMES = Object.keys(DEFAULT_POINT_RULES) as PointRuleName[];

export function isPointRuleName(name: string): name is PointRuleName {
  return (POINT_RULE_NAMES as string[]).includes(name);
}

export async function pointRules(tx: Pick<Repos, "pointRules">): Promise<PointRules> {
  const changed = await tx.pointRules.all();
  return Object.fromEntries(POINT_RULE_NAMES.map((name) => [name, changed[name] ?? DEFAULT_POINT_RULES[name]])) as PointRules;
}
