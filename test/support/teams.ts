// Microsoft Teams as the tests see it: Bot Framework's signing keys and token service (nock), a recorded
// Bot Connector at the fixtures' serviceUrl, and activities signed the way the Bot Framework channel signs them.
import { generateKeyPairSync, sign } from "node:crypto";
import nock from "nock";
import { fixture } from "./fixtures";

export const TEAMS_APP_ID = "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a";
export const TEAMS_APP_PASSWORD = "test-teams-client-secret-value";
export const TENANT = "6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
export const SERVICE_URL = "https://smba.trafficmanager.net/emea/";
export const TEAMS_CHANNEL = "19:a8f24c61d3b94e7f9a0b5c2d1e3f4a5b@thread.tacv2";
export const GROUP_CHAT = "19:5e1f0a8c2b7d4c39a6e3f1d0b9c8a7e6@thread.v2";
export const MEETING_CHAT = "19:meeting_ZTQ1NjkxYjItNGQ3Ni00ZmQ2LWJmOTYtZDFhOWEzYzM1NmQ4@thread.v2";
export const TEAM = "19:Qm3vT7xK2pLw9sRz4YcN1bHdF6gJ8kEa@thread.tacv2";
export const SANNE = "29:1Kq8ZtV3pLm6sWx2RcN9bYhD4fGj7aEu0iOo5QwTrS_yXvBn3MkLp8HsJd2Fg6Ct";
export const SANNE_AAD = "b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e";
/** An admin (by Entra object id in ADVOCATE_ADMIN_IDS). */
export const ADMIN_AAD = "e1d2c3b4-a5f6-4a7b-8c9d-0e1f2a3b4c5d";

export const teamsEnv = {
  MicrosoftAppId: TEAMS_APP_ID,
  MicrosoftAppPassword: TEAMS_APP_PASSWORD,
  MicrosoftAppType: "MultiTenant",
  TEAMS_TENANT_IDS: TENANT,
};

// botbuilder caches signing keys per process for a day: one key pair for the whole test file.
const KID = "test-signing-key";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...(publicKey.export({ format: "jwk" }) as { n: string; e: string }), kty: "RSA", use: "sig", kid: KID, endorsements: ["msteams"] };

/**
 * The Bot Framework's OpenID metadata and keys, and Entra ID's token endpoint for the bot's outbound calls
 * (`botframework.com` for multi-tenant bots, the tenant's own for single-tenant ones).
 */
export function botFramework(tokenTenant = "botframework.com"): void {
  nock("https://login.botframework.com")
    .persist()
    .get("/v1/.well-known/openidconfiguration")
    .reply(200, {
      issuer: "https://api.botframework.com",
      jwks_uri: "https://login.botframework.com/v1/.well-known/keys",
      id_token_signing_alg_values_supported: ["RS256"],
    })
    .get("/v1/.well-known/keys")
    .reply(200, { keys: [jwk] });
  nock("https://login.microsoftonline.com")
    .persist()
    .post(`/${tokenTenant}/oauth2/v2.0/token`)
    .query(true)
    // One minute: botbuilder reuses a token until five minutes before it expires, so this one never is, and a
    // test that switches tenants sees the new tenant's token.
    .reply(200, { token_type: "Bearer", expires_in: 60, ext_expires_in: 60, access_token: botToken(tokenTenant) });
}

export const botToken = (tenant = "botframework.com") => `bot-token-from-${tenant}`;

/** A token as the Bot Framework channel signs it; `overrides` forge the bad ones. */
export function channelToken(overrides: { aud?: string; iss?: string; expiresIn?: number; serviceUrl?: string; key?: typeof privateKey } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const exp = now + (overrides.expiresIn ?? 3600);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", typ: "JWT", kid: KID })}.${part({ iss: overrides.iss ?? "https://api.botframework.com", aud: overrides.aud ?? TEAMS_APP_ID, serviceurl: overrides.serviceUrl ?? SERVICE_URL, nbf: Math.min(now - 60, exp - 60), exp })}`;
  return `${input}.${sign("sha256", Buffer.from(input), overrides.key ?? privateKey).toString("base64url")}`;
}

export const otherKey = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

type Activity = Record<string, unknown>;

/** Fixture activities with the parts a scenario changes. */
export const activities = {
  message: (text: string, extra: Activity = {}): Activity => ({
    ...fixture<Activity>("teams/message_in_channel.json"),
    text: `<at>Advocate</at> ${text}`,
    ...extra,
  }),
  personal: (text: string, extra: Activity = {}): Activity => {
    const base = fixture<Activity>("teams/message_in_channel.json");
    return {
      ...base,
      text,
      entities: [],
      conversation: {
        conversationType: "personal",
        tenantId: TENANT,
        id: `a:personal-${String((extra.from as { id?: string } | undefined)?.id ?? SANNE).slice(-8)}`,
      },
      channelData: { tenant: { id: TENANT } },
      ...extra,
    };
  },
  /** `@Advocate …` in a group chat Advocate was added to. */
  groupChat: (text: string, extra: Activity = {}): Activity => ({
    ...fixture<Activity>("teams/message_in_group_chat.json"),
    text: `<at>Advocate</at> ${text}`,
    ...extra,
  }),
  /** `@Advocate …` in a meeting's chat (Teams calls it a group chat; channelData names the meeting). */
  meetingChat: (text: string, extra: Activity = {}): Activity => ({
    ...fixture<Activity>("teams/message_in_meeting_chat.json"),
    text: `<at>Advocate</at> ${text}`,
    ...extra,
  }),
  cardAction: (verb: string, data: unknown, extra: Activity = {}): Activity => {
    const base = fixture<Activity & { value: { action: Activity } }>("teams/invoke_adaptive_card_action.json");
    return { ...base, value: { ...base.value, action: { ...base.value.action, verb, data } }, ...extra };
  },
  taskFetch: (data: Activity, extra: Activity = {}): Activity => ({
    ...fixture<Activity>("teams/task_fetch.json"),
    value: { data: { msteams: { type: "task/fetch" }, ...data }, context: { theme: "default" } },
    ...extra,
  }),
  taskSubmit: (data: Activity, extra: Activity = {}): Activity => ({
    ...fixture<Activity>("teams/task_submit.json"),
    value: { data, context: { theme: "default" } },
    ...extra,
  }),
  botAdded: (): Activity => fixture<Activity>("teams/conversation_update_bot_added.json"),
  /** The answer to a file consent card, as Teams sends it in personal chat (learn.microsoft.com, bots-filesv4). */
  fileConsent: (value: Activity, extra: Activity = {}): Activity => {
    const personal = activities.personal("", extra);
    delete personal.text;
    return { ...personal, type: "invoke", name: "fileConsent/invoke", value };
  },
};

export interface ConnectorCall {
  method: "POST" | "PUT" | "GET";
  path: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

/** A recorded Bot Connector at the fixtures' serviceUrl; `fail` makes its next answers errors. */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private nextId = 1763633650200;
  /** Member emails per Teams user id; Sanne is the fixture's member, anyone else has an email of their own. */
  readonly memberEmails = new Map<string, string>();
  private failures: Array<{ match: RegExp; status: number; headers: Record<string, string> }> = [];

  listen(): this {
    const origin = new URL(SERVICE_URL).origin;
    const base = new URL(SERVICE_URL).pathname;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- nock hands the request to `this` of the reply function
    const recorder = this;
    const record = (method: ConnectorCall["method"]) =>
      function (this: { req: { headers: Record<string, string | string[] | undefined> } }, uri: string, body: unknown): nock.ReplyFnResult {
        const path = decodeURIComponent(uri.slice(base.length - 1));
        const failure = recorder.failures.findIndex((rule) => rule.match.test(`${method} ${path}`));
        if (failure >= 0) {
          const [rule] = recorder.failures.splice(failure, 1);
          return [rule!.status, { error: { code: "Throttled", message: "simulated" } }, rule!.headers];
        }
        recorder.calls.push({
          method,
          path,
          body: (body ?? {}) as Record<string, unknown>,
          authorization: this.req.headers.authorization as string | undefined,
        });
        return recorder.reply(method, path, (body ?? {}) as Record<string, unknown>);
      };
    nock(origin)
      .persist()
      .post(/\/v3\//)
      .reply(record("POST"))
      .put(/\/v3\//)
      .reply(record("PUT"))
      .get(/\/v3\//)
      .reply(record("GET"));
    return this;
  }

  /** The next call matching `METHOD /path` fails with this status, once. */
  fail(match: RegExp, status: number, headers: Record<string, string> = {}): this {
    this.failures.push({ match, status, headers });
    return this;
  }

  private reply(method: string, path: string, body: Record<string, unknown>): nock.ReplyFnResult {
    const id = String(this.nextId++);
    if (method === "POST" && path === "/v3/conversations") {
      const channel = (body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
      return [201, channel ? { id: `${channel};messageid=${id}`, activityId: id } : { id: `a:personal-chat-${id}` }];
    }
    if (method === "GET" && /\/members\//.test(path)) {
      const member = path.slice(path.lastIndexOf("/") + 1);
      const email = this.memberEmails.get(member) ?? (member === SANNE ? null : `member-${member.slice(-8).toLowerCase()}@voltaro.example`);
      if (email) return [200, { id: member, name: email, aadObjectId: member, email, userPrincipalName: email, tenantId: TENANT }];
      return [
        200,
        {
          id: SANNE,
          name: "Sanne de Vries",
          aadObjectId: SANNE_AAD,
          email: "sanne.devries@voltaro.example",
          userPrincipalName: "sanne.devries@voltaro.example",
          tenantId: TENANT,
        },
      ];
    }
    if (method === "GET" && /\/teams\/[^/]+\/conversations$/.test(path)) {
      return [
        200,
        {
          conversations: [
            { id: TEAM, name: null },
            { id: TEAMS_CHANNEL, name: "Klantvragen" },
            { id: "19:billing@thread.tacv2", name: "Facturatie" },
          ],
        },
      ];
    }
    return [200, { id }];
  }

  /** Cards posted as new channel threads. */
  channelPosts(channel = TEAMS_CHANNEL): ConnectorCall[] {
    return this.calls.filter(
      (call) =>
        call.method === "POST" &&
        call.path === "/v3/conversations" &&
        (call.body.channelData as { channel?: { id?: string } } | undefined)?.channel?.id === channel,
    );
  }

  updates(): ConnectorCall[] {
    return this.calls.filter((call) => call.method === "PUT");
  }

  sentTo(conversationPrefix: string): ConnectorCall[] {
    return this.calls.filter(
      (call) => call.method === "POST" && call.path.startsWith(`/v3/conversations/${conversationPrefix}`) && call.path.includes("/activities"),
    );
  }

  static text(call: ConnectorCall | undefined): string {
    return JSON.stringify(call?.body ?? {});
  }
}
