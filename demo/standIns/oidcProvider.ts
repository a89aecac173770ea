// Stand-in OpenID Connect providers on 127.0.0.1: Slack (issuer = its address, like https://slack.com) and Entra ID
// (issuer = <address>/<tenant>/v2.0). Each serves its platform's real discovery document (test/fixtures/oidc) with its
// own address, a JWKS, an authorize endpoint that signs in whoever the test chose and redirects back with a code, and a
// token endpoint that checks the client, the redirect and PKCE and answers with an id token signed by jose.
// `tamper` makes the next id token wrong in one way, for the tests that it must be refused. The Entra stand-in also
// signs the access tokens Teams hands its tabs (teamsToken), for the Teams tab's sign-in. The demo signs in through
// it (`npm run demo -- --console`); the tests too.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import express from "express";
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";

export interface OidcUser {
  email: string;
  name: string;
  /** Slack says whether the workspace verified the address; Entra ID does not. */
  emailVerified?: boolean;
  /** The Slack workspace they signed in to; ours unless said. */
  team?: string;
}

export interface Tamper {
  issuer?: string;
  audience?: string;
  nonce?: string;
  /** Signed with a key the JWKS does not have. */
  foreignKey?: boolean;
  /** Expired an hour ago. */
  expired?: boolean;
}

/** The token version an app registration asks Entra ID for (accessTokenAcceptedVersion): 1 unless set to 2. */
export type TeamsTokenVersion = "1.0" | "2.0";

interface Grant {
  user: OidcUser;
  clientId: string;
  redirectUri: string;
  nonce: string;
  challenge: string;
}

type Kind = "slack" | "entra";

export const ENTRA_TENANT = "6f1d2c3b-4a59-4e8f-9b7a-0c1d2e3f4a5b";
export const SLACK_TEAM = "T0VOLTARO1";
/** Microsoft Teams' desktop and mobile client, which asks for a tab's token (Microsoft's Teams SSO guide names it). */
const TEAMS_DESKTOP_CLIENT = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
/** The providers' real discovery documents, recorded with the tests' fixtures (test/fixtures/README.md says where from). */
const FIXTURES = path.join(__dirname, "../../test/fixtures/oidc");

export class StandInOidc {
  user: OidcUser | null = null;
  tamper: Tamper = {};
  /** Every authorize request's query, for tests of what the console asked. */
  readonly authorizeRequests: URLSearchParams[] = [];
  private readonly grants = new Map<string, Grant>();
  private server: Server | null = null;
  private keys: { signing: CryptoKey; foreign: CryptoKey; jwk: JWK } | null = null;
  base = "";

  constructor(
    readonly kind: Kind,
    readonly clientId: string,
    readonly clientSecret: string,
  ) {}

  get issuer(): string {
    return this.kind === "slack" ? this.base : `${this.base}/${ENTRA_TENANT}/v2.0`;
  }

  /** On a port of its own choosing, or again on the one it had (a provider back after an outage). */
  async listen(port = 0): Promise<this> {
    const signing = await generateKeyPair("RS256");
    const foreign = await generateKeyPair("RS256");
    this.keys = {
      signing: signing.privateKey,
      foreign: foreign.privateKey,
      jwk: { ...(await exportJWK(signing.publicKey)), kid: "stand-in-1", alg: "RS256", use: "sig" },
    };
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    const prefix = this.kind === "slack" ? "" : `/${ENTRA_TENANT}`;
    app.get(`${prefix}${this.kind === "slack" ? "" : "/v2.0"}/.well-known/openid-configuration`, (_req, res) => res.json(this.discovery()));
    app.get(this.kind === "slack" ? "/openid/connect/keys" : `${prefix}/discovery/v2.0/keys`, (_req, res) => res.json({ keys: [this.keys!.jwk] }));
    app.get(this.kind === "slack" ? "/openid/connect/authorize" : `${prefix}/oauth2/v2.0/authorize`, (req, res) => this.authorize(req, res));
    app.post(this.kind === "slack" ? "/api/openid.connect.token" : `${prefix}/oauth2/v2.0/token`, (req, res) => void this.token(req, res));
    await new Promise<void>((resolve) => {
      this.server = app.listen(port, "127.0.0.1", () => resolve());
    });
    this.base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private discovery(): Record<string, unknown> {
    const file = this.kind === "slack" ? "slack-openid-configuration.json" : "entra-openid-configuration.json";
    const text = readFileSync(path.join(FIXTURES, file), "utf8")
      .replaceAll("https://slack.com", this.base)
      .replaceAll("https://login.microsoftonline.com", this.base)
      .replaceAll("{tenantid}", ENTRA_TENANT);
    return JSON.parse(text) as Record<string, unknown>;
  }

  private authorize(req: express.Request, res: express.Response): void {
    const query = new URLSearchParams(req.query as Record<string, string>);
    this.authorizeRequests.push(query);
    const redirectUri = query.get("redirect_uri") ?? "";
    if (query.get("client_id") !== this.clientId || !this.user || query.get("code_challenge_method") !== "S256") {
      res.status(400).send("bad authorize request");
      return;
    }
    const code = randomBytes(16).toString("hex");
    this.grants.set(code, {
      user: this.user,
      clientId: this.clientId,
      redirectUri,
      nonce: query.get("nonce") ?? "",
      challenge: query.get("code_challenge") ?? "",
    });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    back.searchParams.set("state", query.get("state") ?? "");
    res.redirect(302, back.href);
  }

  private async token(req: express.Request, res: express.Response): Promise<void> {
    const body = req.body as Record<string, string>;
    const grant = this.grants.get(body.code ?? "");
    this.grants.delete(body.code ?? "");
    const verifier = createHash("sha256")
      .update(body.code_verifier ?? "")
      .digest("base64url");
    if (
      !grant ||
      body.grant_type !== "authorization_code" ||
      body.client_id !== this.clientId ||
      body.client_secret !== this.clientSecret ||
      body.redirect_uri !== grant.redirectUri ||
      verifier !== grant.challenge
    ) {
      res.status(400).json({ error: "invalid_grant" });
      return;
    }
    const idToken = await this.idToken(grant);
    this.tamper = {};
    // Slack's Web API adds "ok": true to every answer.
    res.json({ ...(this.kind === "slack" ? { ok: true } : {}), access_token: `at-${randomUUID()}`, token_type: "Bearer", expires_in: 3600, id_token: idToken });
  }

  /**
   * An access token for the Teams app `appId`, as Teams' getAuthToken gives a tab: v2.0 names the tenant's v2.0
   * issuer, the app id as audience and preferred_username; v1.0 the sts.windows.net issuer, the app id URI
   * (`resource`) as audience and upn.
   */
  teamsToken(user: OidcUser, app: { appId: string; resource: string; version: TeamsTokenVersion }, tamper: Tamper = {}): Promise<string> {
    if (this.kind !== "entra") throw new Error("only Entra ID signs Teams tokens");
    const v2 = app.version === "2.0";
    const claims = v2
      ? { preferred_username: user.email, name: user.name, azp: TEAMS_DESKTOP_CLIENT, ver: "2.0" }
      : { upn: user.email, unique_name: user.email, name: user.name, appid: TEAMS_DESKTOP_CLIENT, ver: "1.0" };
    const now = Math.floor(Date.now() / 1000) - (tamper.expired ? 7200 : 0);
    return new SignJWT({ ...claims, tid: ENTRA_TENANT, oid: randomUUID(), scp: "access_as_user" })
      .setProtectedHeader({ alg: "RS256", kid: "stand-in-1", typ: "JWT" })
      .setIssuer(tamper.issuer ?? (v2 ? this.issuer : `https://sts.windows.net/${ENTRA_TENANT}/`))
      .setAudience(tamper.audience ?? (v2 ? app.appId : app.resource))
      .setSubject(`sub-${user.email}`)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + 3600)
      .sign(tamper.foreignKey ? this.keys!.foreign : this.keys!.signing);
  }

  private idToken(grant: Grant): Promise<string> {
    const { user } = grant;
    const claims =
      this.kind === "slack"
        ? {
            email: user.email,
            email_verified: user.emailVerified ?? true,
            name: user.name,
            "https://slack.com/user_id": `U${randomBytes(4).toString("hex").toUpperCase()}`,
            "https://slack.com/team_id": user.team ?? SLACK_TEAM,
          }
        : { email: user.email, name: user.name, preferred_username: user.email, tid: ENTRA_TENANT, ver: "2.0", oid: randomUUID() };
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ ...claims, nonce: this.tamper.nonce ?? grant.nonce })
      .setProtectedHeader({ alg: "RS256", kid: "stand-in-1", typ: "JWT" })
      .setIssuer(this.tamper.issuer ?? this.issuer)
      .setAudience(this.tamper.audience ?? grant.clientId)
      .setSubject(`sub-${user.email}`)
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(this.tamper.foreignKey ? this.keys!.foreign : this.keys!.signing);
  }
}
