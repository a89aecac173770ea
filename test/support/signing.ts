// Signs requests exactly as Slack and Discourse do, over the exact bytes sent.
import { createHmac } from "node:crypto";

export const SLACK_SIGNING_SECRET = "test-signing-secret-0123456789abcdef";
export const DISCOURSE_SECRET = "test-discourse-webhook-secret";

export function slackHeaders(
  body: string,
  contentType: string,
  timestamp = Math.floor(Date.now() / 1000),
  secret = SLACK_SIGNING_SECRET,
): Record<string, string> {
  const signature = `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": contentType, "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

export function discourseSignature(body: string | Buffer, secret = DISCOURSE_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
