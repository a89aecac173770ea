// An idea's public status, the way My Starbucks Idea showed it; each status is also a tag on the community topic.

export const IDEA_STATUSES = ["under_review", "reviewed", "coming_soon", "launched", "not_planned"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export function isIdeaStatus(value: string | null | undefined): value is IdeaStatus {
  return (IDEA_STATUSES as readonly (string | null | undefined)[]).includes(value);
}

/** The community tag of each status (Discourse tags are lower case, with dashes). */
export const IDEA_TAGS: Record<IdeaStatus, string> = {
  under_review: "under-review",
  reviewed: "reviewed",
  coming_soon: "coming-soon",
  launched: "launched",
  not_planned: "not-planned",
};

/** The topic's tags with this status's tag in place of any other status's; other tags stay as they were. */
export function withStatusTag(tags: string[], status: IdeaStatus): string[] {
  const statusTags = new Set(Object.values(IDEA_TAGS));
  return [...tags.filter((tag) => !statusTags.has(tag)), IDEA_TAGS[status]];
}

/** A "no" is explained to the customer. */
export function needsReason(status: IdeaStatus): boolean {
  return status === "not_planned";
}

/** Why an idea status form was refused (every surface shows these by the same names). */
export const IDEA_PROBLEMS = ["empty", "too_long", "no_reason", "no_consent", "not_linked", "not_found", "not_idea"] as const;
export type IdeaProblem = (typeof IDEA_PROBLEMS)[number];
