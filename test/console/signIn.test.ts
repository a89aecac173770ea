// Sign-in through the stand-in providers over real HTTP: the id token is believed only when its issuer, audience,
// nonce and signature hold up; the person is found by the verified email; a stranger gets a clear page and no session;
// sessions are kept server-side by their token's hash, and a cookie from another install signs no one in.
import { createHash } from "node:crypto";
import {
  COLLEAGUE,
  EMPLOYEE,
  HR,
  SESSION_COOKIE,
  cookieOf,
  seedPeople,
  sessionOf,
  signInByHttp,
  startConsoleApp,
  type ConsoleFixture,
} from "../support/console";

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

/** A fresh install: a new app on an emptied database, new providers, nothing discovered yet. */
async function reinstall(): Promise<void> {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
  fixture = await startConsoleApp();
  await seedPeople(fixture.app);
}

const sessions = () => fixture.app.db.prisma.consoleSession.findMany();

test("Slack: an employee signs in with PKCE, state and nonce; the cookie is HttpOnly, Secure, SameSite=Lax and holds only a token whose hash is kept", async () => {
  const callback = await signInByHttp(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
  expect(callback.status).toBe(303);
  expect(callback.headers.get("location")).toBe("/console/leaderboard");
  const setCookie = callback.headers.getSetCookie().find((line) => line.startsWith(`${SESSION_COOKIE}=`))!;
  expect(setCookie).toMatch(/; HttpOnly/);
  expect(setCookie).toMatch(/; Secure/);
  expect(setCookie).toMatch(/; SameSite=Lax/);
  expect(setCookie).toMatch(/; Max-Age=28800/);
  const asked = fixture.slack.authorizeRequests.at(-1)!;
  expect(asked.get("code_challenge_method")).toBe("S256");
  expect(asked.get("state")).toBeTruthy();
  expect(asked.get("nonce")).toBeTruthy();
  expect(asked.get("scope")).toBe("openid email profile");

  const token = cookieOf(callback, SESSION_COOKIE)!;
  const [stored] = (await sessions()).filter((row) => row.tokenHash === createHash("sha256").update(token).digest("hex"));
  expect(stored).toBeDefined();
  expect(JSON.stringify(await sessions())).not.toContain(token);

  const me = await fetch(`${fixture.url}/me`, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
  expect(me.status).toBe(200);
  expect(await me.text()).toContain(EMPLOYEE.name);
});

test("Entra ID: HR signs in by the email their Teams profile verified", async () => {
  const { cookie } = await sessionOf(fixture, "entra", { email: HR.email.toUpperCase(), name: HR.name });
  const page = await (await fetch(`${fixture.url}/leaderboard`, { headers: { cookie } })).text();
  expect(page).toContain(HR.name);
});

test.each([
  ["the wrong issuer", { issuer: "https://evil.example" }],
  ["the wrong audience", { audience: "someone-else" }],
  ["the wrong nonce", { nonce: "not-the-nonce" }],
  ["a signature by another key", { foreignKey: true }],
])("an id token with %s is refused: no session", async (_what, tamper) => {
  const before = (await sessions()).length;
  fixture.slack.tamper = tamper;
  const callback = await signInByHttp(fixture, "slack", { email: COLLEAGUE.email, name: COLLEAGUE.name });
  expect(callback.status).toBe(400);
  expect(cookieOf(callback, SESSION_COOKIE)).toBeNull();
  expect(await callback.text()).toContain("Sign-in did not work");
  expect((await sessions()).length).toBe(before);
});

test("a Slack email the workspace did not verify names no one", async () => {
  const callback = await signInByHttp(fixture, "slack", { email: COLLEAGUE.email, name: COLLEAGUE.name, emailVerified: false });
  expect(callback.status).toBe(403);
  expect(cookieOf(callback, SESSION_COOKIE)).toBeNull();
});

test("Slack: a member of another workspace, even with a known verified email, signs no one in", async () => {
  const callback = await signInByHttp(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name, team: "T0ELSEWHERE" });
  expect(callback.status).toBe(403);
  expect(cookieOf(callback, SESSION_COOKIE)).toBeNull();
  expect(fixture.slack.authorizeRequests.at(-1)?.get("team")).toBe("T0VOLTARO1");
  expect(await callback.text()).toContain("did not give a verified work email of this organisation");
});

test("someone Advocate does not know gets a clear page and no session", async () => {
  const callback = await signInByHttp(fixture, "entra", { email: "stranger@elsewhere.example", name: "Stranger" });
  expect(callback.status).toBe(403);
  expect(cookieOf(callback, SESSION_COOKIE)).toBeNull();
  const page = await callback.text();
  expect(page).toContain("Advocate does not know you yet");
  expect(page).toContain("stranger@elsewhere.example");
});

test("a callback without the sign-in's own cookie (or with another provider's) is refused", async () => {
  fixture.slack.user = { email: EMPLOYEE.email, name: EMPLOYEE.name };
  const start = await fetch(`${fixture.url}/sign-in/slack`, { redirect: "manual" });
  const authorize = await fetch(start.headers.get("location")!, { redirect: "manual" });
  const callback = await fetch(authorize.headers.get("location")!, { redirect: "manual" });
  expect(callback.status).toBe(400);
  expect(cookieOf(callback, SESSION_COOKIE)).toBeNull();
});

test("sign-out ends the session: its cookie no longer opens a page", async () => {
  const { cookie, csrf } = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
  const out = await fetch(`${fixture.url}/sign-out`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: `csrf=${csrf}`,
  });
  expect(out.status).toBe(303);
  expect(out.headers.get("location")).toBe("/console/sign-in?signed-out");
  const after = await fetch(`${fixture.url}/me`, { redirect: "manual", headers: { cookie } });
  expect(after.status).toBe(303);
  expect(after.headers.get("location")).toBe("/console/sign-in");
});

test("a session cookie from another install (another database) is refused", async () => {
  const { cookie } = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
  // The same people, but a fresh install: the app starts on an emptied database.
  await reinstall();
  const page = await fetch(`${fixture.url}/me`, { redirect: "manual", headers: { cookie } });
  expect(page.status).toBe(303);
  expect(page.headers.get("location")).toBe("/console/sign-in");
  expect(page.headers.getSetCookie().join()).toContain(`${SESSION_COOKIE}=; Path=/`);
});

test("a provider out of reach: a clear page (503), and the next sign-in asks it again", async () => {
  await reinstall();
  await fixture.entra.close();
  const start = await fetch(`${fixture.url}/sign-in/entra`, { redirect: "manual" });
  expect(start.status).toBe(503);
  expect(await start.text()).toContain("Sign-in did not work");
  await fixture.entra.listen(Number(new URL(fixture.entra.base).port));
  const { cookie } = await sessionOf(fixture, "entra", { email: HR.email, name: HR.name });
  expect(cookie).toContain(SESSION_COOKIE);
});
