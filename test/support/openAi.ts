// A nock-backed OpenAI-compatible API: answers chat completions with the classification a test gives, and
// records each request body (what left the company).
import nock from "nock";
import { readFileSync } from "node:fs";
import path from "node:path";

export const AI_BASE_URL = "https://ai.voltaro.test/openai/v1";

export const aiEnv = {
  OPENAI_API_KEY: "sk-test-not-a-real-key-0123456789",
  OPENAI_BASE_URL: AI_BASE_URL,
  OPENAI_MODEL: "gpt-4o-mini",
  AI_TIMEOUT_MS: "1500",
  AI_TOPICS: "billing,delivery,app,contract",
};

export interface ModelRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
  response_format: { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, any> } };
}

export function completion(content: string, usage = { prompt_tokens: 612, completion_tokens: 87 }): Record<string, any> {
  const body = JSON.parse(readFileSync(path.resolve(__dirname, "../fixtures/openai/chat_completion.json"), "utf8"));
  body.choices[0].message.content = content;
  body.usage = { ...body.usage, ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
  return body;
}

/** Answers the next chat completion with `content` (after `delayMs`); the request lands in `requests`. */
export function modelAnswers(content: string, options: { delayMs?: number; requests?: ModelRequest[] } = {}): nock.Scope {
  const url = new URL(AI_BASE_URL);
  return nock(url.origin)
    .post(`${url.pathname}/chat/completions`, (body: ModelRequest) => {
      options.requests?.push(body);
      return true;
    })
    .delay(options.delayMs ?? 0)
    .reply(200, completion(content));
}

/** A classification as the model would send it (JSON text), with overrides. */
export function classificationText(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    kind: "complaint",
    topics: ["billing"],
    language: "nl",
    urgency: "high",
    sentiment: "negative",
    summaries: { en: "Charged twice after switching to a yearly plan.", nl: "Twee keer afgeschreven na overstap naar jaarabonnement." },
    target: "rule:2",
    confidence: 0.86,
    ...overrides,
  });
}

/** Answers every embeddings request with the vector `vectorOf` gives for its input text; inputs land in `inputs`. */
export function embeddings(vectorOf: (text: string) => number[], inputs: string[] = []): nock.Scope {
  const url = new URL(AI_BASE_URL);
  return nock(url.origin)
    .persist()
    .post(`${url.pathname}/embeddings`, (body: { encoding_format?: string }) => body.encoding_format === "float")
    .reply((_uri, body) => {
      const input = String((body as { input: string }).input);
      inputs.push(input);
      return [
        200,
        {
          object: "list",
          data: [{ object: "embedding", index: 0, embedding: vectorOf(input) }],
          model: "text-embedding-3-small",
          usage: { prompt_tokens: 12, total_tokens: 12 },
        },
      ];
    });
}
