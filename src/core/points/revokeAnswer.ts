// One of our answers was deleted on the community: everything it earned is taken back, and it earns nothing more.
import type { CoreDeps } from "../deps";
import { refreshHome } from "../notices";
import { revokePoints } from "./awardPoints";
import { answerSources, ourAnswer } from "./ourAnswer";
import type { Repos } from "../store";

export async function revokeAnswer(deps: Pick<CoreDeps, "clock">, tx: Repos, postId: number): Promise<string> {
  const ours = await ourAnswer(tx, postId);
  if (!ours) return "ignored: not one of our answers";
  const { answer, employee } = ours;
  const now = deps.clock.now();
  await tx.answers.update(answer.id, { deletedAt: now, acceptedAt: null });
  const sources = answerSources(answer.id);
  const { points } = await tx.ledger.tally(sources);
  const revoked = await revokePoints(tx, { employeeId: employee.id, points, reason: "answer_deleted", sourceKey: `${sources}deleted`, occurredAt: now });
  if (revoked) await refreshHome(tx, employee);
  return revoked ? `answer deleted: ${points} points revoked` : "answer deleted: nothing had been paid";
}
