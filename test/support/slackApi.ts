// A nock-backed Slack Web API: records every call with its (form-decoded) body.
import nock from "nock";
import { fixture } from "./fixtures";
import { SLACK_API } from "./testApp";

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
  /** The ts Slack gave the message, for calls that made one. */
  ts?: string;
}

const origin = new URL(SLACK_API).origin;
const basePath = new URL(SLACK_API).pathname;

/** Where files.getUploadURLExternal tells uploads to go (Slack's is files.slack.com). */
const UPLOAD_PATH = "/upload/v1/";

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Bodies uploaded to the upload URL, by file id. */
  readonly uploads = new Map<string, string>();
  /** users.info's profile email per member; the fixture's member has the fixture's (Sanne's), anyone else one of their own. */
  readonly emails = new Map<string, string>();
  /** What the profile field labelled "Department" says. */
  profileDepartment = "Klantenservice";
  private ts = Date.now() / 1000;
  /** Calls of these methods take effect, then the connection drops before the answer (a lost response). */
  private readonly dropAnswers = new Map<string, number>();

  dropAnswerOf(method: string, times = 1): this {
    this.dropAnswers.set(method, times);
    return this;
  }

  /** Answers every Web API method with ok:true (a fresh ts for messages) until reset. */
  listen(): this {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- nock hands the request to `this` of the reply function
    const recorder = this;
    nock(origin)
      .persist()
      .post(new RegExp(`^${basePath}[a-z.A-Z]+$`))
      .reply(function (uri, body) {
        const method = uri.slice(basePath.length);
        const decoded = typeof body === "string" ? Object.fromEntries(new URLSearchParams(body)) : (body as Record<string, unknown>);
        recorder.calls.push({ method, body: decoded, authorization: this.req.headers.authorization as string | undefined });
        if (method === "users.info") {
          const info = fixture("slack/users_info.json") as { user: { id: string; profile: { email: string } } };
          const user = String(decoded.user);
          const email = recorder.emails.get(user) ?? (user === info.user.id ? null : `member-${user.toLowerCase()}@voltaro.example`);
          return [200, email ? { ...info, user: { ...info.user, id: user, profile: { ...info.user.profile, email } } } : info];
        }
        // Custom profile fields, shaped as in Slack's docs for team.profile.get and users.profile.get.
        if (method === "team.profile.get")
          return [
            200,
            {
              ok: true,
              profile: {
                fields: [
                  { id: "Xf01TITLE", ordering: 0, label: "Title", type: "text" },
                  {
                    id: "Xf06DEPT01",
                    ordering: 1,
                    label: "Department",
                    hint: "Your team",
                    type: "text",
                    possible_values: null,
                    options: null,
                    is_hidden: false,
                  },
                ],
              },
            },
          ];
        if (method === "users.profile.get")
          return [
            200,
            { ok: true, profile: { email: "sanne.devries@voltaro.example", fields: { Xf06DEPT01: { value: recorder.profileDepartment, alt: "" } } } },
          ];
        if (method === "views.open") return [200, fixture("slack/views_open_ok.json")];
        if (method === "conversations.history") return [200, { ok: true, messages: recorder.history(String(decoded.channel)), has_more: false }];
        if (method === "conversations.replies")
          return [200, { ok: true, messages: recorder.replies(String(decoded.channel), String(decoded.ts)), has_more: false }];
        if (method === "conversations.open") return [200, { ok: true, channel: { id: `D${String(decoded.users)}` } }];
        if (method === "files.getUploadURLExternal") {
          const fileId = `F${recorder.calls.length}`;
          return [200, { ok: true, upload_url: `${origin}${UPLOAD_PATH}${fileId}`, file_id: fileId }];
        }
        recorder.ts += 0.0001;
        const ts = recorder.ts.toFixed(6);
        recorder.calls[recorder.calls.length - 1]!.ts = ts;
        // "chat.postMessage:thread" drops only thread replies' answers.
        const dropKey = decoded.thread_ts && recorder.dropAnswers.has(`${method}:thread`) ? `${method}:thread` : method;
        const drops = recorder.dropAnswers.get(dropKey) ?? 0;
        if (drops > 0) {
          recorder.dropAnswers.set(dropKey, drops - 1);
          return [502, "Bad Gateway"];
        }
        return [200, { ok: true, channel: decoded.channel, ts }];
      });
    nock(origin)
      .persist()
      .post(new RegExp(`^${UPLOAD_PATH}F\\d+$`))
      .reply((uri, body) => {
        recorder.uploads.set(uri.slice(UPLOAD_PATH.length), typeof body === "string" ? body : Buffer.from(body as never).toString());
        return [200, "OK - 12"];
      });
    return this;
  }

  /** What conversations.history shows: the channel's posted messages, newest first, with their metadata. */
  private history(channel: string) {
    return this.of("chat.postMessage")
      .filter((call) => call.body.channel === channel && !call.body.thread_ts)
      .map((call) => ({
        type: "message",
        ts: call.ts,
        text: call.body.text,
        ...(call.body.metadata ? { metadata: JSON.parse(String(call.body.metadata)) } : {}),
      }))
      .reverse();
  }

  /** What conversations.replies shows: the thread's replies, with their metadata. */
  private replies(channel: string, ts: string) {
    return this.of("chat.postMessage")
      .filter((call) => call.body.channel === channel && call.body.thread_ts === ts)
      .map((call) => ({
        type: "message",
        ts: call.ts,
        thread_ts: ts,
        text: call.body.text,
        ...(call.body.metadata ? { metadata: JSON.parse(String(call.body.metadata)) } : {}),
      }));
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  blocksText(call: SlackCall): string {
    return `${String(call.body.text ?? "")}\n${String(call.body.blocks ?? "")}\n${String(call.body.view ?? "")}`;
  }
}

/** Records what handlers send to an interaction's response_url (a command's reply is its own: app.slashCommand). */
export function captureResponseUrls(): Array<Record<string, unknown>> {
  const sent: Array<Record<string, unknown>> = [];
  nock("https://hooks.slack.com")
    .persist()
    .post(/^\/actions\//)
    .reply((_uri, body) => {
      sent.push(body as Record<string, unknown>);
      return [200, "ok"];
    });
  return sent;
}
