import { createHmac, timingSafeEqual } from "node:crypto";

/** Discourse signs the raw body: `sha256=` + hex HMAC-SHA256(secret, body). Compared in constant time. */
export function verifyDiscourseSignature(rawBody: Buffer, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const given = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
