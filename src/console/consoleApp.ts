// The web console, mounted by the composition root at /console when configured. One guard for every route of the
// table (routes.ts): without a session a page redirects to sign-in (401 for JSON); a POST needs the session's CSRF
// token; a page's rule is the policy module's (HR, admin), and a refusal is audited. Then the route's handler runs.
import path from "node:path";
import type { TFunction } from "i18next";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { consoleSession } from "../core/consoleSessions";
import { authorisePage, personAsPrincipal, roleMeets, roleOf } from "../core/policy";
import { normalizeLocale, translator } from "../i18n";
import { COOKIES, parseCookies, serializeCookie } from "./http/cookies";
import { csrfMatches } from "./http/csrf";
import { pickLocale } from "./http/language";
import { pageResponse } from "./pageFrame";
import { messageView } from "./presenters/messageView";
import type { NavItem } from "./presenters/layout";
import { CONSOLE_PATH, type ConsoleRequest, type ConsoleResponse, type ConsoleRoute, type ConsoleServices, type SignedIn } from "./route";
import { CONSOLE_ROUTES } from "./routes";

/** From src/console and from dist/console alike: the stylesheet and scripts are not compiled, so they stay in the sources. */
const STATIC_DIR = path.resolve(__dirname, "../../src/console/static");
/** The Microsoft Teams JavaScript client, served as installed by npm: no CDN, no build step. */
const TEAMS_JS = require.resolve("@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js");

/** Where Teams shows a tab: its web and desktop clients, and Microsoft 365's new domain (Microsoft's tab requirements). */
const TEAMS_HOSTS = "https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft";

/** Teams' client fetches the current list of Teams' hosts from Microsoft's CDN as it loads (else it uses its own copy). */
const TEAMS_JS_ORIGINS_LIST = "https://res.cdn.office.net";

/**
 * Pages only from here: forms only to the console itself; no scripts but on the pages that say so (the Teams tab's
 * sign-in, whose scripts talk to the console and to the CDN of Teams' client), and no frames but Teams' for the Teams tab (its sign-in, and the pages of a session it made).
 */
function contentSecurityPolicy(scripts: boolean, teamsFrame: boolean): string {
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    ...(scripts ? ["script-src 'self'", `connect-src 'self' ${TEAMS_JS_ORIGINS_LIST}`] : []),
    "form-action 'self'",
    `frame-ancestors ${teamsFrame ? TEAMS_HOSTS : "'none'"}`,
    "base-uri 'none'",
  ].join("; ");
}

const SECURITY_HEADERS = {
  "Content-Security-Policy": contentSecurityPolicy(false, false),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "same-origin",
};

/** An office screen's address carries its secret: the logs name the route, never the token. */
const loggable = (path: string) => path.replace(/^\/wall\/[^/]+/, "/wall/…");

export function consoleRouter(services: ConsoleServices, routes: readonly ConsoleRoute[] = CONSOLE_ROUTES): Router {
  const router = express.Router();
  router.use((_req, res, next) => {
    res.set(SECURITY_HEADERS);
    next();
  });
  router.get("/static/teams-js.js", (_req, res) => res.sendFile(TEAMS_JS, { maxAge: "1h" }));
  router.use("/static", express.static(STATIC_DIR, { index: false, maxAge: "1h", fallthrough: false }));
  router.use(express.urlencoded({ extended: false, limit: "16kb", parameterLimit: 50 }));
  router.use(express.json({ limit: "16kb" }));
  const serveRoute = (route: ConsoleRoute | null) => (req: Request, res: Response, next: NextFunction) => {
    serve(services, routes, route, req, res).catch(next);
  };
  for (const route of routes) router[route.method === "GET" ? "get" : "post"](route.path, serveRoute(route));
  // Any other address under /console: the same guard, then "not found".
  router.use(serveRoute(null));
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    // A body the parsers refused (broken JSON, too large) is the sender's fault: its 4xx, not a failure of ours.
    const status = (error as { status?: unknown }).status;
    const refused = typeof status === "number" && status >= 400 && status < 500;
    if (!refused) services.logger.error({ path: loggable(req.path), err: (error as Error).message }, "console page failed");
    const t = translator(pickLocale(parseCookies(req.headers.cookie)[COOKIES.language], req.get("accept-language"), "en"));
    res
      .status(refused ? status : 500)
      .type("html")
      .send(messageView(t(refused ? "console.error.badForm" : "console.error.body")).text);
  });
  return router;
}

async function serve(services: ConsoleServices, routes: readonly ConsoleRoute[], route: ConsoleRoute | null, req: Request, res: Response): Promise<void> {
  const { deps } = services;
  res.set("Cache-Control", "no-store");
  const cookies = parseCookies(req.headers.cookie);
  const locale = pickLocale(cookies[COOKIES.language], req.get("accept-language"), normalizeLocale(deps.settings.defaultLocale));
  // A browser sign-in's cookie, else the Teams tab's (COOKIES.teamsSession says why it is a cookie of its own).
  const viaTeams = !cookies[COOKIES.session] && Boolean(cookies[COOKIES.teamsSession]);
  const token = cookies[COOKIES.session] ?? cookies[COOKIES.teamsSession];
  const session = token ? await signedIn(services, token) : null;
  const t = translator(locale);
  const request: ConsoleRequest = {
    services,
    session,
    locale,
    t,
    nav: session ? navFor(routes, session, t, req.path) : [],
    path: `${CONSOLE_PATH}${req.url === "/" ? "" : req.url}`,
    params: req.params as Record<string, string>,
    query: Object.fromEntries(Object.entries(req.query).map(([name, value]) => [name, typeof value === "string" ? value : undefined])),
    form: req.method === "POST" && typeof req.body === "object" && req.body ? (req.body as Record<string, string | undefined>) : {},
    sentJson: req.method === "POST" && req.is("application/json") === "application/json",
    cookies,
  };
  const wantsJson = req.accepts(["html", "json"]) === "json";
  // Inside Teams' frame: the tab's sign-in page, and every page of a session the tab made.
  const teamsFrame = Boolean(route?.teamsFrame) || (viaTeams && session !== null);
  const refuse = (status: number, what: "csrf" | "forbidden" | "notFound") => {
    if (wantsJson) res.status(status).json({ error: what });
    else send(res, pageResponse(request, t(`console.${what}.title`), messageView(t(`console.${what}.body`)), status), teamsFrame);
  };

  if (route?.access === "public") return send(res, await route.handle(request), teamsFrame);
  if (!session) {
    // A cookie that named no live session is cleared; nothing about the page is said.
    if (token) res.append("Set-Cookie", serializeCookie({ name: viaTeams ? COOKIES.teamsSession : COOKIES.session, value: "", maxAge: 0, framed: viaTeams }));
    if (wantsJson) res.status(401).json({ error: "sign_in_required" });
    // Inside Teams the tab signs in again by itself; the sign-in page would not show in its frame.
    else res.redirect(303, `${CONSOLE_PATH}/${viaTeams ? "teams" : "sign-in"}`);
    return;
  }
  if (!route) return refuse(404, "notFound");
  const signedInRequest = { ...request, session };
  if (route.method === "POST" && !csrfMatches(session.csrfToken, request.form.csrf ?? req.get("x-csrf-token"))) return refuse(403, "csrf");
  if (!(await authorisePage(deps, session.principal, route.access, `console ${route.method} ${route.path}`))) return refuse(403, "forbidden");
  send(res, await route.handle(signedInRequest), teamsFrame);
}

async function signedIn(services: ConsoleServices, token: string): Promise<SignedIn | null> {
  const { deps, config } = services;
  const session = await consoleSession(deps, { idleMinutes: config.ADVOCATE_CONSOLE_IDLE_MINUTES }, token);
  if (!session) return null;
  const principal = await personAsPrincipal(deps, session.employee);
  return { ...session, principal, role: await roleOf(deps, principal), token };
}

/** The GET pages this person's role may open, in the table's order. */
function navFor(routes: readonly ConsoleRoute[], session: SignedIn, t: TFunction, currentPath: string): NavItem[] {
  return routes.flatMap((route) =>
    route.nav && route.method === "GET" && route.access !== "public" && roleMeets(session.role, route.access)
      ? [{ href: `${CONSOLE_PATH}${route.path}`, label: t(route.nav), current: route.path === currentPath }]
      : [],
  );
}

function send(res: Response, response: ConsoleResponse, teamsFrame: boolean): void {
  for (const cookie of response.cookies ?? []) res.append("Set-Cookie", serializeCookie(cookie));
  const scripts = response.kind === "page" && response.scripts === true;
  if (scripts || teamsFrame) res.set("Content-Security-Policy", contentSecurityPolicy(scripts, teamsFrame));
  switch (response.kind) {
    case "json":
      res.status(response.status ?? 200).json(response.body);
      return;
    case "page":
      res
        .status(response.status ?? 200)
        .type("html")
        .send(response.body.text);
      return;
    case "redirect":
      res.redirect(303, response.to);
      return;
    case "download":
      res.attachment(response.filename).type(response.type).send(response.content);
  }
}
