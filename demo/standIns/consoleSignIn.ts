// What a browser does to sign in to the web console through a stand-in provider, with fetch and the cookies kept by
// hand: start → the provider's authorize → the console's callback. The tests and the console bench sign in this way.
import type { OidcUser, StandInOidc } from "./oidcProvider";

const FLOW_COOKIE = "__Host-advocate-console-flow";

/** A cookie the response sets, decoded; null when it sets none by that name. */
export const cookieOf = (response: Response, name: string): string | null => {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    if (pair.startsWith(`${name}=`)) return decodeURIComponent(pair.slice(name.length + 1));
  }
  return null;
};

/** `consoleUrl` ends in /console. Returns the callback's response (a session cookie on success). */
export async function signInThrough(provider: StandInOidc, consoleUrl: string, user: OidcUser): Promise<Response> {
  provider.user = user;
  const start = await fetch(`${consoleUrl}/sign-in/${provider.kind}`, { redirect: "manual" });
  const flow = cookieOf(start, FLOW_COOKIE);
  const authorize = await fetch(start.headers.get("location")!, { redirect: "manual" });
  const callback = authorize.headers.get("location")!;
  return fetch(callback, { redirect: "manual", headers: { cookie: `${FLOW_COOKIE}=${encodeURIComponent(flow ?? "")}` } });
}
