// A like on one of our answers: a few points, for a limited number of likes per answer, and only from customers
// (a colleague's like, or the author's own, would let employees pay each other).
import type { CoreDeps } from "../deps";
import { refreshHome } from "../notices";
import { awardPoints } from "./awardPoints";
import { answerSources, ourAnswer } from "./ourAnswer";
import { pointRules } from "./pointRules";
import type { Repos } from "../store";

export async function awardLike(deps: Pick<CoreDeps, "clock" | "settings">, tx: Repos, postId: number, likedBy: string): Promise<string> {
  const ours = await ourAnswer(tx, postId);
  if (!ours) return "ignored: not one of our answers";
  const { answer, employee } = ours;
  if (likedBy.toLowerCase() === answer.postedAs.toLowerCase()) return "ignored: the author's own like";
  if (await tx.employees.byCommunityUsername(likedBy)) return "ignored: a colleague's like";
  const rules = await pointRules(tx);
  const likes = `${answerSources(answer.id)}like:`;
  if ((await tx.ledger.tally(likes)).awards >= rules.likes_per_answer) return "ignored: like limit reached";
  const points = await awardPoints(deps, tx, rules, {
    employeeId: employee.id,
    points: rules.like_received,
    reason: "like_received",
    sourceKey: `${likes}${likedBy}`,
    occurredAt: deps.clock.now(),
  });
  if (points === null) return "ignored: like counted before";
  await refreshHome(tx, employee);
  return `like: ${points} points`;
}
