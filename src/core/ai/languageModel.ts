// The language model port: structured answers and embeddings from an OpenAI-compatible model.
import type { z } from "zod";

export interface ModelUsage {
  promptTokens: number;
  completionTokens: number;
}

/** What a call is for: usage is recorded per purpose. */
export type ModelPurpose = "classify" | "draft" | "embed";

export interface StructuredRequest<T> {
  purpose: ModelPurpose;
  /** The system instructions: never customer text. */
  instructions: string;
  /** The (already redacted) customer and community text. */
  input: string;
  /** Output is validated with it; a reply that does not fit is an error, never used. */
  schema: z.ZodType<T>;
  schemaName: string;
  signal: AbortSignal;
}

export interface LanguageModel {
  readonly model: string;
  /** Throws on timeout (signal), refusal, network error or output that does not fit the schema. */
  structured<T>(request: StructuredRequest<T>): Promise<{ value: T; usage: ModelUsage }>;
  embed(texts: string[], signal: AbortSignal): Promise<{ vectors: number[][]; usage: ModelUsage }>;
}
