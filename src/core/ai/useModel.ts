// The one way the core calls the language model: redacted input, a time limit, and an outcome instead of a throw,
// so that every caller falls back to rules (or to no draft) the same way.
import type { CoreDeps } from "../deps";
import type { StructuredRequest } from "./languageModel";
import { redact } from "./redact";

export type AiFallbackReason = "off" | "timeout" | "invalid" | "error";
export type AiOutcome<T> = { ok: true; value: T } | { ok: false; reason: AiFallbackReason };

export async function useModel<T>(deps: CoreDeps, request: Omit<StructuredRequest<T>, "signal">): Promise<AiOutcome<T>> {
  const model = deps.ai;
  if (!model) return { ok: false, reason: "off" };
  const signal = AbortSignal.timeout(deps.settings.aiTimeoutMs);
  try {
    const { value } = await model.structured({ ...request, input: redact(request.input), signal });
    return { ok: true, value };
  } catch (error) {
    if (signal.aborted) return { ok: false, reason: "timeout" };
    return { ok: false, reason: error instanceof AiOutputError ? "invalid" : "error" };
  }
}

export async function embedTexts(deps: CoreDeps, texts: string[]): Promise<AiOutcome<number[][]>> {
  const model = deps.ai;
  if (!model) return { ok: false, reason: "off" };
  const signal = AbortSignal.timeout(deps.settings.aiTimeoutMs);
  try {
    const { vectors } = await model.embed(texts.map(redact), signal);
    return { ok: true, value: vectors };
  } catch {
    return { ok: false, reason: signal.aborted ? "timeout" : "error" };
  }
}

/** The model answered, but not in the shape asked for (not JSON, labels off the list). */
export class AiOutputError extends Error {}
