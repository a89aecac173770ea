// The AI adapter's own environment. No OPENAI_API_KEY: no AI, and everything runs on rules.
import { z } from "zod";

const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

export const aiEnv = z.object({
  OPENAI_API_KEY: z.string().min(1),
  /** Azure OpenAI (https://<resource>.openai.azure.com/openai/v1/) or any OpenAI-compatible server. */
  OPENAI_BASE_URL: z.url({ error: "must be the API's base URL, e.g. https://my-resource.openai.azure.com/openai/v1/" }).optional(),
  /** A model name, or the deployment name on Azure OpenAI. */
  OPENAI_MODEL: z.string().min(1).default("gpt-4o-mini"),
  AI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  AI_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.6),
  /** The embedding model (deployment name on Azure) that groups recurring problems by meaning. */
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default("text-embedding-3-small"),
  /** How alike (cosine, 0 to 1) two posts' embeddings must be to count as the same problem. */
  AI_SIMILARITY_THRESHOLD: z.coerce.number().min(0).max(1).default(0.8),
  AI_DAILY_TOKEN_BUDGET: z.coerce.number().int().positive().default(200_000),
  /** Added under answers written from an AI draft, in your community's words, e.g. "(AI-assisted)"; unset: nothing. */
  AI_ASSISTED_LABEL: z.string().trim().max(100).optional(),
  /** The topics the model may label posts with, e.g. billing,delivery,app,contract. */
  AI_TOPICS: list,
});

export type AiConfig = z.infer<typeof aiEnv>;

export function aiWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.OPENAI_API_KEY);
}
