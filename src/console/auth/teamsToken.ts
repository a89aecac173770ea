// The Teams tab's single sign-on: Teams hands the tab an Entra ID access token for Advocate's Teams app
// (authentication.getAuthToken); the console believes it only once jose has checked its signature against the
// tenant's published keys, its issuer (the tenant's, as v2.0 or v1.0 tokens name it), its audience (the app id URI
// or, in v2.0 tokens, the app id) and its lifetime. Then the work email the directory put in it names the person.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";

export interface TeamsTab {
  /** The Teams app's (Entra app registration's) id: the manifest's webApplicationInfo.id. */
  appId: string;
  tenantId: string;
  /** https://login.microsoftonline.com, or a stand-in on this machine. */
  authority: string;
}

/** The claims that carry the person's work address: v2.0 tokens name it preferred_username, v1.0 upn; email if asked for. */
const EMAIL_CLAIMS = ["preferred_username", "upn", "email"] as const;

/** Teams' tokens are issued seconds before they are used; this much clock difference is no reason to refuse one. */
const CLOCK_TOLERANCE_SECONDS = 60;

/** The Application ID URI Teams asks tokens for: api://<the console's host>/<app id> (the manifest's resource too). */
export const teamsResource = (consoleUrl: string, appId: string) => `api://${new URL(consoleUrl).host}/${appId}`;

export class TeamsTabSignIn {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly issuers: string[];
  private readonly audiences: string[];

  constructor(
    private readonly tab: TeamsTab,
    consoleUrl: string,
  ) {
    this.keys = createRemoteJWKSet(new URL(`${tab.authority}/${tab.tenantId}/discovery/v2.0/keys`));
    this.issuers = [`${tab.authority}/${tab.tenantId}/v2.0`, `https://sts.windows.net/${tab.tenantId}/`];
    this.audiences = [teamsResource(consoleUrl, tab.appId), tab.appId];
  }

  /**
   * The addresses the token's directory vouches for, in the order to try them; throws (with the reason, never the
   * token) when the token does not hold up.
   */
  async emailsOf(token: string, now: Date): Promise<string[]> {
    const { payload } = await jwtVerify(token, this.keys, {
      issuer: this.issuers,
      audience: this.audiences,
      algorithms: ["RS256"],
      requiredClaims: ["exp", "iat"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    });
    // The issuer names the tenant already; a token whose tenant claim says otherwise is not ours either.
    if (typeof payload.tid === "string" && payload.tid.toLowerCase() !== this.tab.tenantId.toLowerCase()) throw new Error("token of another tenant");
    return emailsIn(payload);
  }
}

function emailsIn(payload: JWTPayload): string[] {
  const found = EMAIL_CLAIMS.map((claim) => payload[claim]).filter((value): value is string => typeof value === "string" && value.includes("@"));
  return [...new Set(found.map((email) => email.trim()))];
}
