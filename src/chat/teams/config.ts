import { z } from "zod";

/**
 * The Teams adapter's own environment, under the names botbuilder itself reads (an Azure Bot's app
 * registration). JWT verification is always on: there is no way to run the Teams endpoint without an app id.
 */
export const teamsEnv = z
  .object({
    MicrosoftAppId: z.uuid("must be the Azure Bot's Microsoft App ID (a GUID)"),
    MicrosoftAppPassword: z.string().min(1, "is required: the app registration's client secret"),
    MicrosoftAppType: z.enum(["MultiTenant", "SingleTenant"], "must be MultiTenant or SingleTenant").default("MultiTenant"),
    MicrosoftAppTenantId: z.uuid("must be your Entra ID tenant id (a GUID)").optional(),
    /** The organisations Teams serves besides MicrosoftAppTenantId (a company with several tenants). */
    TEAMS_TENANT_IDS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((id) => id.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.uuid("must be Entra ID tenant ids (GUIDs), separated by commas"))),
    /** Teams allows a bot 60 messages in 30 s (and 7 in 1 s, 8 in 2 s) per thread: 510 ms keeps inside every window. */
    TEAMS_CHANNEL_PACE_MS: z.coerce.number().int().min(0).default(510),
    /** Read each user's department from Entra ID (Microsoft Graph, User.Read.All application permission). */
    TEAMS_GRAPH_DEPARTMENT: z
      .enum(["true", "false"])
      .default("false")
      .transform((value) => value === "true"),
    /** The demo only: a stand-in serving Bot Framework's signing keys and token endpoint on one base URL. */
    BOT_FRAMEWORK_STAND_IN_URL: z.url().optional(),
  })
  // A bot registration can be reached by any organisation's Teams: the tenants served must be named, whatever the app type.
  .refine((env) => env.MicrosoftAppTenantId || env.TEAMS_TENANT_IDS.length, {
    path: ["TEAMS_TENANT_IDS"],
    message: "or MicrosoftAppTenantId must name the Entra ID tenant(s) Advocate serves",
  })
  .refine((env) => env.MicrosoftAppType !== "SingleTenant" || env.MicrosoftAppTenantId, {
    path: ["MicrosoftAppTenantId"],
    message: "is required when MicrosoftAppType is SingleTenant",
    // Said together with the other problems, not only once they are fixed.
    when: (payload) => (payload.value as { MicrosoftAppType?: unknown }).MicrosoftAppType === "SingleTenant",
  });

export type TeamsConfig = z.infer<typeof teamsEnv>;

/** The organisations whose Teams activities Advocate serves. */
export function servedTenants(config: TeamsConfig): Set<string> {
  return new Set([...(config.MicrosoftAppTenantId ? [config.MicrosoftAppTenantId.toLowerCase()] : []), ...config.TEAMS_TENANT_IDS]);
}

/** Teams is on when any of its variables is set; then all of them must be right. */
export function teamsWanted(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.MicrosoftAppId || env.MicrosoftAppPassword);
}
