// The environment, validated once at start. Each adapter owns its part (chat/slack/config.ts,
// community/discourse/config.ts); a bad value stops the start with one line per problem.
import { z } from "zod";
import { slackEnv, slackWanted, type SlackConfig } from "./chat/slack/config";
import { teamsEnv, teamsWanted, type TeamsConfig } from "./chat/teams/config";
import { discourseEnv, type DiscourseConfig } from "./community/discourse/config";
import { aiEnv, aiWanted, type AiConfig } from "./ai/openai/config";
import { consoleEnv, consoleWanted, type ConsoleConfig } from "./console/config";
import { parseBusinessHours } from "./core/promises";

const ids = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

export const coreEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL (leave it unset for the embedded database)")
    .optional(),
  ADVOCATE_DATA_DIR: z.string().min(1).default("./data"),
  DEFAULT_LOCALE: z.enum(["en", "nl"]).default("en"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ADVOCATE_ADMIN_IDS: ids,
  /** HR: may see reports without being admins. */
  ADVOCATE_HR_IDS: ids,
  /** The smallest department HR's reports show: a smaller one could single its people out. */
  ADVOCATE_MIN_GROUP_SIZE: z.coerce.number().int().min(0).max(1000).default(5),
  /** Days processed inbound events and done outbox work are kept (a redelivery older than this is no longer recognised). */
  ADVOCATE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  ADVOCATE_TIMEZONE: z.string().default("Europe/Amsterdam").refine(isTimeZone, "must be an IANA timezone such as Europe/Amsterdam"),
  CLAIM_TTL_MINUTES: z.coerce.number().int().positive().default(120),
  ROUTE_DELAY_MS: z.coerce.number().int().min(0).default(3000),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
  OUTBOX_LEASE_MS: z.coerce.number().int().positive().default(30000),
  /** Business hours for response promises, in ADVOCATE_TIMEZONE. */
  ADVOCATE_BUSINESS_HOURS: z
    .string()
    .default("mon-fri 09:00-17:00")
    .transform((text, ctx) => {
      const hours = parseBusinessHours(text);
      if (!hours) ctx.addIssue({ code: "custom", message: "must be working days and opening hours, e.g. mon-fri 09:00-17:00" });
      return hours ?? { days: [], opensAt: 0, closesAt: 0 };
    }),
  /** Days without business hours, e.g. 2026-12-25,2026-12-26. */
  ADVOCATE_HOLIDAYS: ids.pipe(z.array(z.iso.date({ error: "must be dates like 2026-12-25, separated by commas" }))),
  /** Customers with the same complaint or question within 7 days before the problems channel hears of it. */
  RECURRING_PROBLEM_THRESHOLD: z.coerce.number().int().min(2).default(5),
  /** Slack allows about one message per second per channel. */
  SLACK_CHANNEL_PACE_MS: z.coerce.number().int().min(0).default(1020),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Slack, Teams or both: a surface left unconfigured is off. */
export type Config = z.infer<typeof coreEnv> & {
  slack: SlackConfig | null;
  teams: TeamsConfig | null;
  discourse: DiscourseConfig;
  ai: AiConfig | null;
  /** The web console, when its address is set. */
  console: ConsoleConfig | null;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
}

/** Never echoes a value: only the variable's name and what is wrong with it. */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const core = coreEnv.safeParse(env);
  const discourse = discourseEnv.safeParse(env);
  const slack = slackWanted(env) ? slackEnv.safeParse(env) : null;
  const teams = teamsWanted(env) ? teamsEnv.safeParse(env) : null;
  const ai = aiWanted(env) ? aiEnv.safeParse(env) : null;
  const web = consoleWanted(env) ? consoleEnv.safeParse(env) : null;
  const problems = [core, discourse, slack, teams, ai, web].flatMap((part) => (part && !part.success ? problemsOf(part.error) : []));
  if (!slack && !teams) problems.push("SLACK_BOT_TOKEN or MicrosoftAppId must be set: Advocate needs Slack, Teams or both");
  if (
    problems.length ||
    !core.success ||
    !discourse.success ||
    slack?.success === false ||
    teams?.success === false ||
    ai?.success === false ||
    web?.success === false
  )
    return { ok: false, problems };
  return {
    ok: true,
    config: {
      ...core.data,
      discourse: discourse.data,
      slack: slack?.data ?? null,
      teams: teams?.data ?? null,
      ai: ai?.data ?? null,
      console: web?.data ?? null,
    },
  };
}
