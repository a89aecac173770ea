import { z } from "zod";

/** The Slack adapter's own environment. */
export const slackEnv = z.object({
  SLACK_BOT_TOKEN: z.string().regex(/^xoxb-/, "must be a bot token (xoxb-…) from OAuth & Permissions"),
  SLACK_SIGNING_SECRET: z.string().min(16, "is required: Basic Information → Signing Secret"),
  /** Set to use Socket Mode instead of the public HTTP endpoint. */
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-/, "must be an app-level token (xapp-…)")
    .optional(),
  /** Web API base; for tests, stand-ins and GovSlack. */
  SLACK_API_URL: z
    .url()
    .default("https://slack.com/api/")
    .transform((url) => (url.endsWith("/") ? url : `${url}/`)),
  /** The label of the custom profile field that holds the department (e.g. "Department"), for HR reports. */
  SLACK_DEPARTMENT_FIELD: z.string().trim().min(1).max(100).optional(),
});

export type SlackConfig = z.infer<typeof slackEnv>;

/** Slack is on when any of its variables is set; then all of them must be right. */
export function slackWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.SLACK_BOT_TOKEN || env.SLACK_SIGNING_SECRET || env.SLACK_APP_TOKEN);
}
