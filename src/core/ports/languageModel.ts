// A language model (OpenAI's API or one that speaks it), when the admin configured one.

/** This replica's timers for stored schedules: told of a change, so it applies without a restart. */
/** A language model that answers in JSON following a schema (OpenAI, Azure OpenAI or a compatible server). */
export interface LanguageModel {
  /** Throws on a timeout or any failure; the caller falls back to rules. */
  completeJson(request: {
    system: string;
    user: string;
    schemaName: string;
    schema: Record<string, unknown>;
  }): Promise<{ text: string; promptTokens: number; completionTokens: number }>;
  /** A vector for the text's meaning (an embedding model); throws on a timeout or any failure. */
  embed(text: string): Promise<{ vector: number[]; promptTokens: number }>;
}
