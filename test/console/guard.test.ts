// The console's guard, route by route: the test walks the route table, so a new route cannot forget the session
// check. Without a session: a redirect to sign-in (HTML) or 401 (JSON), never data. Every POST needs the session's
// CSRF token (403 and nothing written). A page's rule is the policy's: an employee on an HR or admin page, or its
// POST, gets 403 and the refusal is audited.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import pino from "pino";
import { consoleRouter } from "../../src/console/consoleApp";
import { SignInProviders } from "../../src/console/auth/providers";
import { CONSOLE_ROUTES } from "../../src/console/routes";
import { CONSOLE_PATH, signedInRoute, type ConsoleRoute } from "../../src/console/route";
import { messageView } from "../../src/console/presenters/messageView";
import { pageResponse } from "../../src/console/pageFrame";
import { EMPLOYEE, HR, SESSION_COOKIE, seedPeople, sessionOf, startConsoleApp, type ConsoleFixture } from "../support/console";

let fixture: ConsoleFixture;

beforeAll(async () => {
  fixture = await startConsoleApp();
  await seedPeople(fixture.app);
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

/** A route's path with each parameter filled in. */
const concrete = (route: ConsoleRoute) => route.path.replace(/:(\w+)/g, "x");
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("without a session", () => {
  const guarded = CONSOLE_ROUTES.filter((route) => route.access !== "public");

  test("only sign-in, its callbacks, the Teams tab's sign-in, the language switch and the office screen are public", () => {
    expect(CONSOLE_ROUTES.filter((route) => route.access === "public").map((route) => `${route.method} ${route.path}`)).toEqual([
      "GET /sign-in",
      "GET /sign-in/:provider",
      "GET /auth/:provider/callback",
      "GET /teams",
      "POST /teams/session",
      "GET /language/:locale",
      "GET /wall/:token",
      "GET /wall",
    ]);
    expect(guarded.length).toBeGreaterThan(4);
  });

  test.each(guarded.map((route) => [`${route.method} ${route.path}`, route] as const))(
    "%s: redirect to sign-in (HTML), 401 (JSON), never data",
    async (_name, route) => {
      const url = `${fixture.url}${concrete(route)}`;
      const init = { method: route.method, redirect: "manual" as const, ...(route.method === "POST" ? { headers: form, body: "csrf=x&hidden=true" } : {}) };
      for (const cookie of [undefined, `${SESSION_COOKIE}=not-a-token-this-install-issued`]) {
        const html = await fetch(url, { ...init, headers: { ...init.headers, accept: "text/html", ...(cookie ? { cookie } : {}) } });
        expect(html.status).toBe(303);
        expect(html.headers.get("location")).toBe("/console/sign-in");
        const json = await fetch(url, { ...init, headers: { ...init.headers, accept: "application/json", ...(cookie ? { cookie } : {}) } });
        expect(json.status).toBe(401);
        const body = await json.text();
        expect(JSON.parse(body)).toEqual({ error: "sign_in_required" });
        expect(body).not.toContain(EMPLOYEE.name);
      }
    },
  );

  test("an address the table does not have is guarded too", async () => {
    const response = await fetch(`${fixture.url}/anything/else`, { redirect: "manual" });
    expect(response.status).toBe(303);
  });

  test("the public sign-in page and the stylesheet answer", async () => {
    const page = await fetch(`${fixture.url}/sign-in`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('href="/console/sign-in/slack"');
    expect(text).toContain('href="/console/sign-in/entra"');
    const css = await fetch(`${fixture.url}/static/console.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toContain("text/css");
  });
});

describe("CSRF", () => {
  const hidden = async () => (await fixture.app.db.prisma.employee.findFirstOrThrow({ where: { externalId: EMPLOYEE.id } })).hiddenOnLeaderboards;

  test.each([
    ["missing", "hidden=true"],
    ["wrong", "hidden=true&csrf=not-the-token"],
  ])("a POST with the token %s: 403 and nothing written", async (_what, body) => {
    const { cookie } = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
    const before = await fixture.app.db.prisma.reportAudit.count();
    const response = await fetch(`${fixture.url}/me/privacy`, { method: "POST", redirect: "manual", headers: { ...form, cookie }, body });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("Nothing was changed");
    expect(await hidden()).toBe(false);
    expect(await fixture.app.db.prisma.reportAudit.count()).toBe(before);
    const signOut = await fetch(`${fixture.url}/sign-out`, { method: "POST", redirect: "manual", headers: { ...form, cookie }, body });
    expect(signOut.status).toBe(403);
    expect((await fetch(`${fixture.url}/me`, { headers: { cookie } })).status).toBe(200);
  });

  test("with the session's token the choice is saved; a token of another session is wrong", async () => {
    const mine = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
    const theirs = await sessionOf(fixture, "entra", { email: HR.email, name: HR.name });
    const post = (csrf: string) =>
      fetch(`${fixture.url}/me/privacy`, { method: "POST", redirect: "manual", headers: { ...form, cookie: mine.cookie }, body: `hidden=true&csrf=${csrf}` });
    expect((await post(theirs.csrf)).status).toBe(403);
    expect(await hidden()).toBe(false);
    const saved = await post(mine.csrf);
    expect(saved.status).toBe(303);
    expect(await hidden()).toBe(true);
    await fixture.app.db.prisma.employee.updateMany({ where: { externalId: EMPLOYEE.id }, data: { hiddenOnLeaderboards: false } });
  });
});

describe("who sees what", () => {
  // Pages for HR and admins come with later steps; these stand in for them, mounted by the same guard.
  const probes = [
    signedInRoute({
      method: "GET",
      path: "/probe/hr",
      access: "hr",
      nav: "console.nav.me",
      handle: async (request) => pageResponse(request, "HR probe", messageView("hr figures")),
    }),
    signedInRoute({
      method: "POST",
      path: "/probe/admin",
      access: "admin",
      handle: async (request) => pageResponse(request, "Admin probe", messageView("admin change")),
    }),
  ];
  let server: Server;
  let probeUrl: string;

  beforeAll(async () => {
    const http = express();
    const consoleConfig = {
      ADVOCATE_CONSOLE_URL: fixture.url,
      ADVOCATE_CONSOLE_SECRET: "x".repeat(32),
      ADVOCATE_CONSOLE_IDLE_MINUTES: 120,
      SLACK_OIDC_ISSUER: fixture.slack.issuer,
      ENTRA_AUTHORITY_URL: fixture.entra.base,
    };
    const services = {
      deps: fixture.app.deps,
      config: consoleConfig,
      providers: new SignInProviders(consoleConfig, fixture.url),
      readiness: () => Promise.resolve({ ready: true as const, status: "ready" as const, database: "pglite" }),
      teamsTab: null,
      logger: pino({ level: "silent" }),
    };
    http.use(CONSOLE_PATH, consoleRouter(services, [...CONSOLE_ROUTES, ...probes]));
    server = createServer(http);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    probeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${CONSOLE_PATH}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const refusals = () => fixture.app.db.prisma.reportAudit.findMany({ where: { allowed: false }, orderBy: { id: "asc" } });

  test("an employee on an HR page, or posting to an admin form: 403, audited, the handler never runs", async () => {
    const { cookie, csrf } = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
    const before = (await refusals()).length;
    const page = await fetch(`${probeUrl}/probe/hr`, { headers: { cookie } });
    expect(page.status).toBe(403);
    expect(await page.text()).not.toContain("hr figures");
    const post = await fetch(`${probeUrl}/probe/admin`, { method: "POST", headers: { ...form, cookie }, body: `csrf=${csrf}` });
    expect(post.status).toBe(403);
    expect(await post.text()).not.toContain("admin change");
    const json = await fetch(`${probeUrl}/probe/hr`, { headers: { cookie, accept: "application/json" } });
    expect(json.status).toBe(403);
    const audited = (await refusals()).slice(before);
    expect(audited.map((row) => [row.userId, row.surface, row.what])).toEqual([
      [EMPLOYEE.id, "slack", "console GET /probe/hr"],
      [EMPLOYEE.id, "slack", "console POST /probe/admin"],
      [EMPLOYEE.id, "slack", "console GET /probe/hr"],
    ]);
    // The navigation offers only what the employee may open.
    const leaderboard = await (await fetch(`${probeUrl}/leaderboard`, { headers: { cookie } })).text();
    expect(leaderboard).not.toContain("/console/probe/hr");
  });

  test("HR opens the HR page, and its navigation offers it; an admin form stays closed to HR", async () => {
    const { cookie, csrf } = await sessionOf(fixture, "entra", { email: HR.email, name: HR.name });
    const page = await fetch(`${probeUrl}/probe/hr`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("hr figures");
    expect(await (await fetch(`${probeUrl}/leaderboard`, { headers: { cookie } })).text()).toContain('href="/console/probe/hr"');
    expect((await fetch(`${probeUrl}/probe/admin`, { method: "POST", headers: { ...form, cookie }, body: `csrf=${csrf}` })).status).toBe(403);
  });
});
