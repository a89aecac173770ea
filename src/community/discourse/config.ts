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

/** The Discourse adapter's own environment. */
export const discourseEnv = z.object({
  DISCOURSE_URL: z.url({ error: "must be the community's base URL, e.g. https://community.example.com" }).transform((url) => url.replace(/\/+$/, "")),
  DISCOURSE_API_KEY: z.string().min(1, "is required: an all-users API key (Admin → API → New key)"),
  DISCOURSE_API_USERNAME: z.string().min(1).default("system"),
  DISCOURSE_WEBHOOK_SECRET: z.string().min(12, "must be at least 12 characters (the webhook's Secret in Discourse)"),
  /** Staff posts are the brand's own: ignored unless set to false. */
  DISCOURSE_IGNORE_STAFF: z
    .enum(["true", "false"])
    .default("true")
    .transform((value) => value === "true"),
  DISCOURSE_IGNORED_USERNAMES: list,
  DISCOURSE_POLL_CRON: z.string().default("*/5 * * * *"),
  /** Discourse allows an API key 60 requests a minute by default. */
  DISCOURSE_REQUESTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
});

export type DiscourseConfig = z.infer<typeof discourseEnv>;
