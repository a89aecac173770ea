// The console's cookies. All are HttpOnly, Secure and SameSite=Lax; the __Host- prefix makes the browser refuse one
// set for another path or domain, or without Secure.
import type { SetCookie } from "../route";

export const COOKIES = {
  /** The session's random token (the database keeps its hash). */
  session: "__Host-advocate-console",
  /** A sign-in on its way to its callback (flowCookie.ts). */
  flow: "__Host-advocate-console-flow",
  /** The language picked with the switch. */
  language: "__Host-advocate-console-lang",
} as const;

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at < 1) continue;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    try {
      cookies[name] ??= decodeURIComponent(value);
    } catch {
      // A cookie that is not ours (or is broken) is ignored, not an error.
    }
  }
  return cookies;
}

export function serializeCookie(cookie: SetCookie): string {
  return [`${cookie.name}=${encodeURIComponent(cookie.value)}`, "Path=/", "HttpOnly", "Secure", "SameSite=Lax", `Max-Age=${cookie.maxAge}`].join("; ");
}
