// The sign-ins the console offers, each through openid-client: discovery of the provider's metadata and keys, an
// authorization code with PKCE, state and nonce, and the id token checked (issuer, audience, nonce, expiry and its
// signature against the provider's keys) before its email is believed.
import * as oidc from "openid-client";
import type { ConsoleConfig } from "../config";

export const PROVIDER_IDS = ["slack", "entra"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export const isProviderId = (value: string): value is ProviderId => (PROVIDER_IDS as readonly string[]).includes(value);

interface Provider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Further parameters of the authorization request. */
  authorizeParams: Record<string, string>;
  /** The verified work email the id token's claims give, or null when they give none to trust. */
  emailOf(claims: oidc.IDToken): string | null;
}

/** What a sign-in carries from its start to its callback (in the signed flow cookie). */
export interface SignInFlow {
  provider: ProviderId;
  state: string;
  nonce: string;
  verifier: string;
}

const stringClaim = (claims: oidc.IDToken, name: string) => (typeof claims[name] === "string" ? (claims[name] as string) : null);

function providersOf(config: ConsoleConfig): Partial<Record<ProviderId, Provider>> {
  const providers: Partial<Record<ProviderId, Provider>> = {};
  if (config.SLACK_OIDC_CLIENT_ID && config.SLACK_OIDC_CLIENT_SECRET) {
    const team = config.SLACK_OIDC_TEAM_ID;
    const ours = (claims: oidc.IDToken) => !team || claims["https://slack.com/team_id"] === team || claims["https://slack.com/enterprise_id"] === team;
    providers.slack = {
      issuer: config.SLACK_OIDC_ISSUER,
      clientId: config.SLACK_OIDC_CLIENT_ID,
      clientSecret: config.SLACK_OIDC_CLIENT_SECRET,
      // Slack skips its workspace picker for this team; the id token must still name it.
      authorizeParams: team ? { team } : {},
      // Slack states whether the address was verified; only a verified one, of our workspace, names a person.
      emailOf: (claims) => (claims.email_verified === true && ours(claims) ? stringClaim(claims, "email") : null),
    };
  }
  if (config.ENTRA_TENANT_ID && config.ENTRA_CLIENT_ID && config.ENTRA_CLIENT_SECRET)
    providers.entra = {
      // One tenant, ours: its directory sets the mail attribute, as for the Teams profiles people are matched by.
      issuer: `${config.ENTRA_AUTHORITY_URL}/${config.ENTRA_TENANT_ID}/v2.0`,
      clientId: config.ENTRA_CLIENT_ID,
      clientSecret: config.ENTRA_CLIENT_SECRET,
      authorizeParams: {},
      emailOf: (claims) => (claims.email_verified === false ? null : stringClaim(claims, "email")),
    };
  return providers;
}

export class SignInProviders {
  private readonly providers: Partial<Record<ProviderId, Provider>>;
  private readonly discovered = new Map<ProviderId, Promise<oidc.Configuration>>();

  constructor(
    config: ConsoleConfig,
    /** The console's public address, where the providers send people back to. */
    private readonly baseUrl: string,
  ) {
    this.providers = providersOf(config);
  }

  /** The configured sign-ins, in the order the sign-in page offers them. */
  get offered(): ProviderId[] {
    return PROVIDER_IDS.filter((id) => this.providers[id]);
  }

  callbackUrl(id: ProviderId): string {
    return `${this.baseUrl}/auth/${id}/callback`;
  }

  /** Where to send the browser, and what its callback must match. */
  async start(id: ProviderId): Promise<{ url: URL; flow: SignInFlow }> {
    const config = await this.configOf(id);
    const { authorizeParams } = this.providers[id]!;
    const flow: SignInFlow = { provider: id, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() };
    const url = oidc.buildAuthorizationUrl(config, {
      ...authorizeParams,
      redirect_uri: this.callbackUrl(id),
      scope: "openid email profile",
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: "S256",
    });
    return { url, flow };
  }

  /** The verified email of whoever came back; throws when the response or its id token does not hold up. */
  async finish(flow: SignInFlow, callback: URL): Promise<string | null> {
    const provider = this.providers[flow.provider];
    if (!provider) throw new Error(`sign-in with ${flow.provider} is not configured`);
    const tokens = await oidc.authorizationCodeGrant(await this.configOf(flow.provider), callback, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    return claims ? provider.emailOf(claims) : null;
  }

  private configOf(id: ProviderId): Promise<oidc.Configuration> {
    const provider = this.providers[id];
    if (!provider) return Promise.reject(new Error(`sign-in with ${id} is not configured`));
    let config = this.discovered.get(id);
    if (!config) {
      config = discover(provider);
      this.discovered.set(id, config);
      // A provider unreachable now is asked again on the next sign-in.
      config.catch(() => this.discovered.delete(id));
    }
    return config;
  }
}

async function discover(provider: Provider): Promise<oidc.Configuration> {
  const insecure = provider.issuer.startsWith("http://");
  const config = await oidc.discovery(
    new URL(provider.issuer),
    provider.clientId,
    undefined,
    oidc.ClientSecretPost(provider.clientSecret),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
  // openid-client trusts an id token from the token endpoint over TLS without checking its signature; we check it.
  oidc.enableNonRepudiationChecks(config);
  return config;
}
