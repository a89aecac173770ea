// The Teams tab through the real app: its page (Teams' client library and the tab's script, framable by Teams
// only), then the token Teams hands the tab, signed by a stand-in Entra ID on 127.0.0.1 (its JWKS as Microsoft
// publishes it): a good one, v2.0 or v1.0, makes the same server-side session in the tab's own cookie
// (SameSite=None; Partitioned) and opens the person's page in Teams' frame; a wrong issuer, audience or signature,
// or an expired one, is 401 and no session.
import { ENTRA_TENANT, type Tamper, type TeamsTokenVersion } from "../../demo/standIns/oidcProvider";
import { HR, seedPeople, startConsoleApp, type ConsoleFixture } from "../support/console";
import { TEAMS_APP_ID, TEAMS_APP_PASSWORD } from "../support/teams";

const TEAMS_COOKIE = "__Host-advocate-console-teams";
let fixture: ConsoleFixture;
let resource: string;

beforeAll(async () => {
  fixture = await startConsoleApp("127.0.0.1", { MicrosoftAppId: TEAMS_APP_ID, MicrosoftAppPassword: TEAMS_APP_PASSWORD, MicrosoftAppTenantId: ENTRA_TENANT });
  await seedPeople(fixture.app);
  resource = `api://${new URL(fixture.url).host}/${TEAMS_APP_ID}`;
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

const sessions = () => fixture.app.db.prisma.consoleSession.count();
const tokenFor = (email: string, version: TeamsTokenVersion = "2.0", tamper: Tamper = {}) =>
  fixture.entra.teamsToken({ email, name: HR.name }, { appId: TEAMS_APP_ID, resource, version }, tamper);
const postToken = (token: string) =>
  fetch(`${fixture.url}/teams/session`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ token }),
  });
const teamsCookieOf = (response: Response) => response.headers.getSetCookie().find((line) => line.startsWith(`${TEAMS_COOKIE}=`));

test("the tab's page loads Teams' client and the tab's script from the console, and only Teams may frame it", async () => {
  const page = await fetch(`${fixture.url}/teams`);
  expect(page.status).toBe(200);
  const policy = page.headers.get("content-security-policy") ?? "";
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain("frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft");
  const html = await page.text();
  expect(html).toContain('<script src="/console/static/teams-js.js"></script>');
  expect(html).toContain('<script src="/console/static/teamsTab.js"></script>');
  expect(html).toContain('data-session="/console/teams/session"');
  for (const script of ["teams-js.js", "teamsTab.js"]) {
    const file = await fetch(`${fixture.url}/static/${script}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("javascript");
  }
  expect(await (await fetch(`${fixture.url}/static/teams-js.js`)).text()).toContain("getAuthToken");
  // Every other page keeps refusing frames and scripts.
  expect((await fetch(`${fixture.url}/sign-in`)).headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
});

test.each(["2.0", "1.0"] as const)("a v%s token Teams gives the tab makes the same session, in the tab's own cookie, and opens my page", async (version) => {
  const before = await sessions();
  const response = await postToken(await tokenFor(HR.email, version));
  expect(response.status).toBe(200);
  const cookie = teamsCookieOf(response);
  expect(cookie).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=None; Partitioned; Max-Age=28800$/);
  expect(await sessions()).toBe(before + 1);
  expect(await fixture.app.db.prisma.consoleSession.findFirst({ where: { provider: "teams" }, orderBy: { createdAt: "desc" } })).not.toBeNull();

  const me = await fetch(`${fixture.url}/me`, { headers: { cookie: cookie!.split(";")[0]! } });
  expect(me.status).toBe(200);
  expect(await me.text()).toContain(HR.name);
  expect(me.headers.get("content-security-policy")).toContain("frame-ancestors https://teams.microsoft.com");
});

test.each<[string, Tamper]>([
  ["another issuer", { issuer: "https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0" }],
  ["another audience", { audience: "api://elsewhere.example/11111111-2222-4333-8444-555555555555" }],
  ["a signature by a key Entra ID never published", { foreignKey: true }],
  ["an expired token", { expired: true }],
])("%s: 401 and no session", async (_what, tamper) => {
  const before = await sessions();
  const response = await postToken(await tokenFor(HR.email, "2.0", tamper));
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ error: "invalid_token", message: expect.stringContaining("Teams could not sign you in") });
  expect(response.headers.getSetCookie()).toEqual([]);
  expect(await sessions()).toBe(before);
});

test("not a token (401), or not sent as JSON by the tab's script (400): no session", async () => {
  const before = await sessions();
  expect((await postToken("not.a.jwt")).status).toBe(401);
  const asForm = await fetch(`${fixture.url}/teams/session`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `token=${encodeURIComponent(await tokenFor(HR.email))}`,
  });
  expect(asForm.status).toBe(400);
  for (const body of ["{}", "{not json"]) {
    expect((await fetch(`${fixture.url}/teams/session`, { method: "POST", headers: { "content-type": "application/json" }, body })).status).toBe(400);
  }
  expect(await sessions()).toBe(before);
});

test("someone Advocate does not know: 403 with the browser sign-in's words, and no session", async () => {
  const before = await sessions();
  const response = await postToken(await tokenFor("stranger@voltaro.example"));
  expect(response.status).toBe(403);
  expect(await response.json()).toEqual({ error: "unknown_person", message: expect.stringContaining("stranger@voltaro.example") });
  expect(await sessions()).toBe(before);
});

test("a Teams cookie that names no live session sends the tab back to its own sign-in, not the sign-in page Teams cannot frame", async () => {
  const page = await fetch(`${fixture.url}/me`, { redirect: "manual", headers: { cookie: `${TEAMS_COOKIE}=ended-or-never-made` } });
  expect(page.status).toBe(303);
  expect(page.headers.get("location")).toBe("/console/teams");
  expect(teamsCookieOf(page)).toMatch(/Max-Age=0$/);
});
