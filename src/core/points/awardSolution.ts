// The community marked one of our answers as the solution (Discourse Solved): points and a message to its author.
// An unaccept takes those points back. Every accept/unaccept cycle has its own source keys, so a re-accept pays
// again while a retried accept (already the solution) pays nothing.
import type { CoreDeps } from "../deps";
import { notifyEmployee, refreshHome } from "../notices";
import { awardPoints, revokePoints } from "./awardPoints";
import { answerSources, ourAnswer } from "./ourAnswer";
import { pointRules } from "./pointRules";
import type { Repos } from "../store";

const cycleSources = (answerId: string, cycle: number) => `${answerSources(answerId)}solution:${cycle}:`;

export async function awardSolution(deps: Pick<CoreDeps, "clock" | "settings">, tx: Repos, postId: number): Promise<string> {
  const ours = await ourAnswer(tx, postId);
  if (!ours) return "ignored: not one of our answers";
  const { answer, employee } = ours;
  if (answer.acceptedAt) return "ignored: already the solution";
  const now = deps.clock.now();
  const cycle = answer.timesAccepted + 1;
  await tx.answers.update(answer.id, { acceptedAt: now, timesAccepted: cycle });
  const rules = await pointRules(tx);
  const sourceKey = `${cycleSources(answer.id, cycle)}accepted`;
  const points = await awardPoints(deps, tx, rules, {
    employeeId: employee.id,
    points: rules.solution_accepted,
    reason: "solution_accepted",
    sourceKey,
    occurredAt: now,
  });
  if (points) {
    const question = await tx.questions.byId(answer.questionId);
    const notice = { type: "solution_accepted" as const, title: question?.title ?? "", url: answer.postUrl ?? question?.url ?? "", points };
    await notifyEmployee(tx, employee, notice, { defaultLocale: deps.settings.defaultLocale, dedupeKey: `notice:${sourceKey}` });
    await refreshHome(tx, employee);
  }
  return `solution: ${points ?? 0} points`;
}

export async function revokeSolution(deps: Pick<CoreDeps, "clock">, tx: Repos, postId: number): Promise<string> {
  const ours = await ourAnswer(tx, postId);
  if (!ours) return "ignored: not one of our answers";
  const { answer, employee } = ours;
  if (!answer.acceptedAt) return "ignored: not the solution";
  await tx.answers.update(answer.id, { acceptedAt: null });
  const sources = cycleSources(answer.id, answer.timesAccepted);
  const { points } = await tx.ledger.tally(sources);
  const revoked = await revokePoints(tx, {
    employeeId: employee.id,
    points,
    reason: "solution_unaccepted",
    sourceKey: `${sources}revoked`,
    occurredAt: deps.clock.now(),
  });
  if (revoked) await refreshHome(tx, employee);
  return revoked ? `solution revoked: ${points} points` : "solution unaccepted: nothing had been paid";
}
