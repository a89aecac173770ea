// The LanguageModel port over the openai package: one chat completion with a JSON schema (structured output),
// and embeddings.
// No retries here: a failed or slow call falls back to rules at once, which beats a late card.
import OpenAI from "openai";
import type { LanguageModel } from "../../core/ports";
import type { AiConfig } from "./config";

export class OpenAiModel implements LanguageModel {
  private readonly client: OpenAI;

  constructor(private readonly config: AiConfig) {
    this.client = new OpenAI({
      apiKey: config.OPENAI_API_KEY,
      ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
      timeout: config.AI_TIMEOUT_MS,
      maxRetries: 0,
    });
  }

  async completeJson(request: Parameters<LanguageModel["completeJson"]>[0]): ReturnType<LanguageModel["completeJson"]> {
    const completion = await this.client.chat.completions.create({
      model: this.config.OPENAI_MODEL,
      messages: [
        { role: "system", content: request.system },
        { role: "user", content: request.user },
      ],
      response_format: { type: "json_schema", json_schema: { name: request.schemaName, schema: request.schema, strict: true } },
    });
    return {
      text: completion.choices[0]?.message.content ?? "",
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
    };
  }

  async embed(text: string): ReturnType<LanguageModel["embed"]> {
    // Floats, not the SDK's default base64: every OpenAI-compatible server (Ollama, vLLM) speaks that.
    const result = await this.client.embeddings.create({ model: this.config.OPENAI_EMBEDDING_MODEL, input: text, encoding_format: "float" });
    return { vector: result.data[0]?.embedding ?? [], promptTokens: result.usage?.prompt_tokens ?? 0 };
  }
}
