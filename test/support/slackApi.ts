// A nock-backed Slack Web API: records every call with its (form-decoded) body.
import nock from "nock";
import { fixture } from "./fixtures";
import { SLACK_API } from "./testApp";

export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
  authorization: string | undefined;
}

const origin = new URL(SLACK_API).origin;
const basePath = new URL(SLACK_API).pathname;

export class FakeSlack {
  readonly calls: SlackCall[] = [];
  private ts = 1763633650.0019;

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
        if (method === "users.info") return [200, fixture("slack/users_info.json")];
        if (method === "views.open") return [200, fixture("slack/views_open_ok.json")];
        recorder.ts += 0.0001;
        return [200, { ok: true, channel: decoded.channel, ts: recorder.ts.toFixed(6) }];
      });
    return this;
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  blocksText(call: SlackCall): string {
    return `${String(call.body.text ?? "")}\n${String(call.body.blocks ?? "")}\n${String(call.body.view ?? "")}`;
  }
}

/** Records what handlers send to an interaction's response_url. */
export function captureResponseUrls(): Array<Record<string, unknown>> {
  const sent: Array<Record<string, unknown>> = [];
  nock("https://hooks.slack.com")
    .persist()
    .post(/.*/)
    .reply((_uri, body) => {
      sent.push(body as Record<string, unknown>);
      return [200, "ok"];
    });
  return sent;
}
