// A sign-in's state, nonce and PKCE verifier ride to its callback in a short-lived cookie, signed with
// ADVOCATE_CONSOLE_SECRET so that nothing else can set one. Nothing is kept in the database before sign-in.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { PROVIDER_IDS, type SignInFlow } from "./providers";

/** Long enough to sign in with a second factor; short enough that an old start is not replayed. */
export const FLOW_SECONDS = 600;

const flowSchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  until: z.number(),
});

const mac = (secret: string, payload: string) => createHmac("sha256", secret).update(payload).digest("base64url");

export function sealFlow(secret: string, flow: SignInFlow, now: Date): string {
  const payload = Buffer.from(JSON.stringify({ ...flow, until: now.getTime() + FLOW_SECONDS * 1000 })).toString("base64url");
  return `${payload}.${mac(secret, payload)}`;
}

/** The flow a cookie carries, or null when it is missing, forged, altered or expired. */
export function openFlow(secret: string, cookie: string | undefined, now: Date): SignInFlow | null {
  const [payload, signature, ...rest] = (cookie ?? "").split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const flow = flowSchema.safeParse(parsed);
  if (!flow.success || flow.data.until < now.getTime()) return null;
  const { provider, state, nonce, verifier } = flow.data;
  return { provider, state, nonce, verifier };
}
