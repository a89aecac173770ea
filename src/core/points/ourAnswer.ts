// Only answers published through Advocate earn points: a community post counts when it is one of ours, still standing.
import type { Answer, Employee } from "../kernel/model";
import type { Repos } from "../store";

/** The source-key prefix of everything one answer earned (published, solution, likes): its deletion revokes them together. */
export const answerSources = (answerId: string) => `answer:${answerId}:`;

export async function ourAnswer(tx: Pick<Repos, "answers" | "employees">, postId: number): Promise<{ answer: Answer; employee: Employee } | null> {
  const answer = await tx.answers.byCommunityPost(postId);
  if (!answer || answer.status !== "published" || answer.deletedAt) return null;
  const employee = await tx.employees.byId(answer.employeeId);
  return employee ? { answer, employee } : null;
}
