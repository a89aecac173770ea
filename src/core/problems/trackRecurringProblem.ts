// Groups a new complaint or question with others about the same thing this week; when a group reaches the
// threshold, the product channel hears of it once ("5 customers asked about 'factuur overstap' this week").
import type { CoreDeps } from "../deps";
import type { Question } from "../kernel/model";
import { notifyChannel } from "../notices";
import { problemKeywords, problemLabel, SAME_PROBLEM, sameProblemScore } from "./problemKeywords";
import { GROUPED_KINDS, similarity } from "./problemEmbedding";
import { excerpt } from "../kernel/plainText";
import type { Repos } from "../store";

export const PROBLEM_WINDOW_MS = 7 * 24 * 3600_000;

/**
 * Runs inside the routing transaction, with the post's embedding when AI made one (see problemEmbedding); returns a
 * short outcome for the log, or null when nothing happened.
 */
export async function trackRecurringProblem(
  deps: Pick<CoreDeps, "clock" | "settings" | "ai">,
  tx: Repos,
  question: Question,
  kind: string | null,
  embedding: number[] | null = null,
): Promise<string | null> {
  if (!kind || !GROUPED_KINDS.includes(kind)) return null;
  const keywords = problemKeywords(question.title);
  if (!embedding && keywords.length < 2) return null;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - PROBLEM_WINDOW_MS);
  const candidates = await tx.problems.recentGroups(since);
  // By meaning where both sides have an embedding, by shared keywords otherwise (groups made while AI was off).
  const threshold = deps.ai?.settings.similarityThreshold ?? 1;
  const best = candidates
    .map((group) =>
      embedding && group.embedding.length
        ? { group, score: similarity(embedding, group.embedding), enough: threshold }
        : { group, score: keywords.length >= 2 ? sameProblemScore(keywords, group.keywords) : 0, enough: SAME_PROBLEM },
    )
    .filter(({ score, enough }) => score >= enough)
    .sort((a, b) => b.score - a.score)[0]?.group;
  const group =
    best ?? (await tx.problems.create({ label: keywords.length ? keywords.join(" ") : excerpt(question.title, 60), keywords, embedding: embedding ?? [] }));
  await tx.questions.update(question.id, { problemGroupId: group.id });
  const members = await tx.problems.members(group.id, since);
  if (members.length < deps.settings.recurringProblemThreshold) return null;
  const channel = await tx.channels.problems();
  if (!channel) return `recurring problem "${group.label}" (${members.length}), but no problems channel is set`;
  // At most one alert a week per group, however many replicas route at once.
  if (!(await tx.problems.markAlerted(group.id, now, since))) return null;
  const label =
    problemLabel(
      group.keywords,
      members.map((member) => problemKeywords(member.title)),
    ) || group.label;
  const locale = (await tx.channels.locale(channel.surface, channel.channelId)) ?? deps.settings.defaultLocale;
  await notifyChannel(
    tx,
    { ...channel, threadRef: null, locale },
    { type: "recurring_problem", label, count: members.length, items: members.slice(-10).map((member) => ({ title: member.title, url: member.url })) },
    { dedupeKey: `problem:${group.id}:${now.toISOString().slice(0, 10)}` },
  );
  return `recurring problem "${label}" (${members.length}) reported`;
}
