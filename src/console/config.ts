import { z } from "zod";
import type { TeamsTab } from "./auth/teamsToken";

const secret = (where: string) => z.string().min(8, `is required: ${where}`);
/** An identity provider's address: https, or http to a stand-in on this machine (tests and the demo). */
const providerUrl = z
  .url()
  .refine((url) => url.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url), "must be an https:// URL")
  .transform((url) => url.replace(/\/+$/, ""));

/** The web console's own environment: its address, its secret, and the sign-ins it offers. */
export const consoleEnv = z
  .object({
    /** Where people reach the console, ending in /console, e.g. https://advocate.example.com/console. */
    ADVOCATE_CONSOLE_URL: z
      .url()
      .transform((url) => url.replace(/\/+$/, ""))
      .refine((url) => url.endsWith("/console"), "must be the console's public address, ending in /console"),
    /** Signs the short-lived cookie that carries a sign-in's state, nonce and PKCE verifier to its callback. */
    ADVOCATE_CONSOLE_SECRET: z.string().min(32, "must be at least 32 random characters (e.g. openssl rand -hex 32)"),
    /** Minutes without a request after which a console session ends (it ends 8 hours after sign-in anyway). */
    ADVOCATE_CONSOLE_IDLE_MINUTES: z.coerce.number().int().min(5).max(480).default(120),
    SLACK_OIDC_CLIENT_ID: z.string().min(1).optional(),
    SLACK_OIDC_CLIENT_SECRET: secret("your Slack app → Basic Information → Client Secret").optional(),
    SLACK_OIDC_ISSUER: providerUrl.default("https://slack.com"),
    /** Only people of this workspace (T…) may sign in with Slack; Slack offers sign-in to members of any workspace. */
    SLACK_OIDC_TEAM_ID: z
      .string()
      .regex(/^[TE][A-Z0-9]{6,}$/, "must be your workspace's id, T… (or an Enterprise Grid org's, E…)")
      .optional(),
    ENTRA_TENANT_ID: z
      .string()
      .regex(/^[0-9a-f-]{36}$/i, "must be your Entra ID tenant id (a GUID)")
      .optional(),
    ENTRA_CLIENT_ID: z.string().min(1).optional(),
    ENTRA_CLIENT_SECRET: secret("the app registration → Certificates & secrets").optional(),
    ENTRA_AUTHORITY_URL: providerUrl.default("https://login.microsoftonline.com"),
  })
  .superRefine((env, ctx) => {
    const slack = [env.SLACK_OIDC_CLIENT_ID, env.SLACK_OIDC_CLIENT_SECRET];
    const entra = [env.ENTRA_TENANT_ID, env.ENTRA_CLIENT_ID, env.ENTRA_CLIENT_SECRET];
    const partly = (values: unknown[]) => values.some(Boolean) && !values.every(Boolean);
    if (partly(slack)) ctx.addIssue({ code: "custom", path: ["SLACK_OIDC_CLIENT_ID"], message: "and SLACK_OIDC_CLIENT_SECRET must both be set" });
    if (partly(entra))
      ctx.addIssue({ code: "custom", path: ["ENTRA_CLIENT_ID"], message: "ENTRA_TENANT_ID and ENTRA_CLIENT_SECRET must all be set for Entra ID sign-in" });
    if (!slack.some(Boolean) && !entra.some(Boolean))
      ctx.addIssue({ code: "custom", path: ["ADVOCATE_CONSOLE_URL"], message: "needs a sign-in: set SLACK_OIDC_* or ENTRA_* too" });
  });

export type ConsoleConfig = z.infer<typeof consoleEnv>;

/**
 * The Teams tab signs people in when Teams is on: the token Teams gives it is for Advocate's Teams app (the bot's app
 * registration, whose id the manifest's webApplicationInfo carries), in the console's Entra ID tenant, else the bot's.
 */
export function teamsTabOf(config: ConsoleConfig, teamsApp: { appId: string; tenantId?: string | undefined } | null): TeamsTab | null {
  const tenantId = config.ENTRA_TENANT_ID ?? teamsApp?.tenantId;
  return teamsApp && tenantId ? { appId: teamsApp.appId, tenantId, authority: config.ENTRA_AUTHORITY_URL } : null;
}

/** The console is on when its address is set; then its secret and at least one sign-in must be right. */
export function consoleWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ADVOCATE_CONSOLE_URL || env.ADVOCATE_CONSOLE_SECRET);
}
