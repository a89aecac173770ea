// Bot Framework authentication for the CloudAdapter: every request's JWT is verified; no way to turn it off.
import { ConfigurationBotFrameworkAuthentication, StatusCodes } from "botbuilder";
import {
  AppCredentials,
  AuthenticationError,
  PasswordServiceClientCredentialFactory,
  type AuthenticateRequestResult,
  type ServiceClientCredentials,
} from "botframework-connector";
import type { Activity } from "botbuilder";
import type { TeamsConfig } from "./config";

/** jsonwebtoken's own errors: a forged or malformed token, which botbuilder lets through as a 500. */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (TOKEN_ERRORS.has((error as Error).name)) throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, StatusCodes.UNAUTHORIZED);
      throw error;
    }
  }
}

/**
 * Client-credential tokens from a stand-in's plain-HTTP token endpoint (the demo): MSAL, which botbuilder uses
 * for the real login.microsoftonline.com, refuses authorities that are not https.
 */
class StandInCredentials extends AppCredentials {
  constructor(
    appId: string,
    private readonly password: string,
    private readonly tokenUrl: string,
    scope: string,
  ) {
    super(appId, undefined, scope);
  }

  protected async refreshToken() {
    const response = await fetch(this.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "client_credentials",
        client_id: this.appId,
        client_secret: this.password,
        scope: `${this.oAuthScope}/.default`,
      }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const token = (await response.json()) as { access_token: string; expires_in: number };
    return { accessToken: token.access_token, expiresOn: new Date(Date.now() + token.expires_in * 1000) };
  }
}

class StandInCredentialsFactory extends PasswordServiceClientCredentialFactory {
  override async createCredentials(appId: string, audience: string, loginEndpoint: string): Promise<ServiceClientCredentials> {
    return new StandInCredentials(appId, this.password ?? "", `${loginEndpoint}/oauth2/v2.0/token`, audience);
  }
}

/** All of Bot Framework's endpoints at one base URL; botbuilder drops every default once one is set. */
function standInEndpoints(base: string) {
  return {
    ToBotFromChannelOpenIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    ToBotFromEmulatorOpenIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    ToChannelFromBotLoginUrl: `${base}/botframework.com`,
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    OAuthUrl: base,
    CallerId: "urn:botframework:azure",
    ValidateAuthority: false,
  };
}

export function botFrameworkAuthentication(config: TeamsConfig): ConfigurationBotFrameworkAuthentication {
  const standIn = config.BOT_FRAMEWORK_STAND_IN_URL?.replace(/\/+$/, "");
  return new StrictAuthentication(
    {
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      ...(config.MicrosoftAppTenantId ? { MicrosoftAppTenantId: config.MicrosoftAppTenantId } : {}),
      ...(standIn ? standInEndpoints(standIn) : {}),
    },
    standIn ? new StandInCredentialsFactory(config.MicrosoftAppId, config.MicrosoftAppPassword, "") : undefined,
  );
}
