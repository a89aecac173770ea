// The console's cookies. All are HttpOnly, Secure and SameSite=Lax, but the Teams tab's session; the __Host- prefix
// makes the browser refuse one set for another path or domain, or without Secure.
import type { SetCookie } from "../route";

export const COOKIES = {
  /** The session's random token (the database keeps its hash). */
  session: "__Host-advocate-console",
  /** A sign-in on its way to its callback (flowCookie.ts). */
  flow: "__Host-advocate-console-flow",
  /**
   * A session made by the Teams tab's sign-in. Teams shows the tab in a frame of teams.microsoft.com (web and
   * desktop alike), where the console is a third party: the browser sends a SameSite=Lax cookie to a framed page
   * only when the frame's parent is the console's own site, so the tab's session needs SameSite=None. It is its own
   * cookie so that a browser sign-in keeps Lax; Partitioned (CHIPS) keeps it in a jar for the site that framed it
   * (Teams), so it works there even where third-party cookies are blocked, and rides along to no other site's frames.
   * Every POST still needs the session's CSRF token, so a form another site posts is refused whatever cookie it carries.
   */
  teamsSession: "__Host-advocate-console-teams",
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
  return [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    "Path=/",
    "HttpOnly",
    "Secure",
    cookie.framed ? "SameSite=None; Partitioned" : "SameSite=Lax",
    `Max-Age=${cookie.maxAge}`,
  ].join("; ");
}
