// Groups a new complaint or question with others about the same thing this week; when a group reaches the
// threshold, the product channel hears of it once ("5 customers asked about 'factuur overstap' this week").
import type { CoreDeps } from "../deps";
import type { Question } from "../model";
import type { Repos } from "../ports";
import { notifyChannel } from "../outbox/notifyEmployee";
import { problemKeywords, problemLabel, SAME_PROBLEM, sameProblemScore } from "./problemKeywords";

export const PROBLEM_WINDOW_MS = 7 * 24 * 3600_000;
const GROUPED_KINDS = ["complaint", "question"];

/** Runs inside the routing transaction; returns a short outcome for the log, or null when nothing happened. */
export async function trackRecurringProblem(deps: CoreDeps, tx: Repos, question: Question, kind: string | null): Promise<string | null> {
  if (!kind || !GROUPED_KINDS.includes(kind)) return null;
  const keywords = problemKeywords(question.title);
  if (keywords.length < 2) return null;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - PROBLEM_WINDOW_MS);
  const candidates = await tx.problems.recentGroups(since);
  const best = candidates
    .map((group) => ({ group, score: sameProblemScore(keywords, group.keywords) }))
    .filter(({ score }) => score >= SAME_PROBLEM)
    .sort((a, b) => b.score - a.score)[0]?.group;
  const group = best ?? (await tx.problems.create({ label: keywords.join(" "), keywords }));
  await tx.questions.update(question.id, { problemGroupId: group.id });
  const members = await tx.problems.members(group.id, since);
  if (members.length < deps.settings.recurringProblemThreshold) return null;
  const channel = await tx.channels.problems();
  if (!channel) return `recurring problem "${group.label}" (${members.length}), but no problems channel is set`;
  // At most one alert a week per group, however many replicas route at once.
  if (!(await tx.problems.markAlerted(group.id, now, since))) return null;
  const label = problemLabel(group.keywords, members.map((member) => problemKeywords(member.title)));
  const locale = (await tx.channels.locale(channel.surface, channel.channelId)) ?? deps.settings.defaultLocale;
  await notifyChannel(
    tx,
    { ...channel, threadRef: null, locale },
    { type: "recurring_problem", label, count: members.length, items: members.slice(-10).map((member) => ({ title: member.title, url: member.url })) },
    { dedupeKey: `problem:${group.id}:${now.toISOString().slice(0, 10)}` },
  );
  return `recurring problem "${label}" (${members.length}) reported`;
}
