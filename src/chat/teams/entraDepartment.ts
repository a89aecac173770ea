// The department Entra ID holds for a Teams user, read with Microsoft Graph as the bot's own app (client
// credentials). Needs the User.Read.All application permission with admin consent; off unless
// TEAMS_GRAPH_DEPARTMENT=true. A failure gives no department (HR's directory may still have it), never an error.
import { z } from "zod";

const GRAPH = "https://graph.microsoft.com/v1.0";
const LOGIN = "https://login.microsoftonline.com";
const token = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() });
const user = z.object({ department: z.string().nullish() });

export class EntraDepartments {
  private tokens = new Map<string, { value: string; until: number }>();

  constructor(private readonly app: { id: string; secret: string }) {}

  async departmentOf(tenantId: string, aadObjectId: string): Promise<string | null> {
    try {
      const response = await fetch(`${GRAPH}/users/${encodeURIComponent(aadObjectId)}?$select=department`, {
        headers: { authorization: `Bearer ${await this.tokenFor(tenantId)}` },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) return null;
      return user.parse(await response.json()).department?.trim() || null;
    } catch {
      return null;
    }
  }

  private async tokenFor(tenantId: string): Promise<string> {
    const cached = this.tokens.get(tenantId);
    if (cached && cached.until > Date.now()) return cached.value;
    const response = await fetch(`${LOGIN}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: this.app.id,
        client_secret: this.app.secret,
        scope: "https://graph.microsoft.com/.default",
        grant_type: "client_credentials",
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`Entra ID token: HTTP ${response.status}`);
    const granted = token.parse(await response.json());
    // A minute early: a token that expires in flight is a failed lookup.
    this.tokens.set(tenantId, { value: granted.access_token, until: Date.now() + (granted.expires_in - 60) * 1000 });
    return granted.access_token;
  }
}
