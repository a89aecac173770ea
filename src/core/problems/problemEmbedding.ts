// With AI on, recurring problems are grouped by meaning: each new complaint or question gets an embedding of its
// title and the start of its post (redacted, like everything sent to the model). Without AI, or when the call
// fails, grouping falls back to keywords.
import type { CoreDeps } from "../deps";
import type { Question } from "../kernel/model";
import { excerpt } from "../kernel/plainText";
import { aiBlocked } from "../ai";
import { redact } from "../ai";

export const GROUPED_KINDS = ["complaint", "question"];

/** null without AI, for other kinds, when AI is off or over budget, or on any failure (then keywords group it). */
export async function problemEmbedding(
  deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings" | "ai">,
  question: Question,
  kind: string | null,
): Promise<number[] | null> {
  const ai = deps.ai;
  if (!ai || !kind || !GROUPED_KINDS.includes(kind) || (await aiBlocked(deps, ai.settings))) return null;
  const record = (outcome: string, promptTokens: number) =>
    deps.store.ai.record({ community: deps.community.name, purpose: "embed", promptTokens, completionTokens: 0, outcome, at: deps.clock.now() });
  try {
    const { vector, promptTokens } = await ai.model.embed(redact(`${question.title}\n${excerpt(question.bodyText ?? "", 500)}`));
    await record("ok", promptTokens);
    return vector.length ? vector : null;
  } catch (error) {
    ai.warn("AI embedding failed; keywords group the question", { questionId: question.id, detail: error instanceof Error ? error.message : String(error) });
    await record("error", 0);
    return null;
  }
}

/** Cosine similarity of two embeddings of the same model; 0 when they cannot be compared. */
export function similarity(a: number[], b: number[]): number {
  if (!a.length || a.length !== b.length) return 0;
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}
