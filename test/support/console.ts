// The web console in tests: the real app with the console configured against the stand-in providers, its people
// (known by the verified emails their chat profiles gave), and sign-in through real HTTP with the cookies kept by hand.
import { createServer } from "node:net";
import { startTestApp, type TestApp } from "./testApp";
import { StandInOidc, ENTRA_TENANT, SLACK_TEAM, type OidcUser } from "../../demo/standIns/oidcProvider";
import { cookieOf, signInThrough } from "../../demo/standIns/consoleSignIn";

export const CONSOLE_SECRET = "console-secret-for-tests-0123456789abcdef";
export const SESSION_COOKIE = "__Host-advocate-console";
export const FLOW_COOKIE = "__Host-advocate-console-flow";

export const EMPLOYEE = { surface: "slack", id: "U0EMPLOYEE1", name: "Priya Jansen", email: "priya@voltaro.example", department: "Support" };
export const COLLEAGUE = { surface: "slack", id: "U0COLLEAG01", name: "Olaf Smit", email: "olaf@voltaro.example", department: "Support" };
/** Named in ADVOCATE_ADMIN_IDS by the test configuration (testApp.ts), and by email in the console's. */
export const ADMIN = { surface: "slack", id: "UADMIN001", name: "Ada Bakker", email: "ada@voltaro.example", department: "IT" };
export const HR = { surface: "teams", id: "29:1hr-person-aad", name: "Hanna de Wit", email: "hanna@voltaro.example", department: "People" };

export interface ConsoleFixture {
  app: TestApp;
  slack: StandInOidc;
  entra: StandInOidc;
  url: string;
}

/** A port free now, for an app whose own address must be in its configuration (the providers redirect to it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `env`: settings a test needs besides the console's own, e.g. ADVOCATE_MIN_GROUP_SIZE or the Teams app for the Teams tab. */
export async function startConsoleApp(host = "127.0.0.1", env: Record<string, string> = {}): Promise<ConsoleFixture> {
  const slack = await new StandInOidc("slack", "slack-client-id", "slack-client-secret").listen();
  const entra = await new StandInOidc("entra", "entra-client-id", "entra-client-secret").listen();
  const port = await freePort();
  const url = `http://${host}:${port}/console`;
  const app = await startTestApp({
    env: {
      PORT: String(port),
      ADVOCATE_HR_IDS: HR.email,
      ADVOCATE_ADMIN_IDS: ADMIN.email,
      ADVOCATE_CONSOLE_URL: url,
      ADVOCATE_CONSOLE_SECRET: CONSOLE_SECRET,
      SLACK_OIDC_CLIENT_ID: slack.clientId,
      SLACK_OIDC_CLIENT_SECRET: slack.clientSecret,
      SLACK_OIDC_ISSUER: slack.issuer,
      SLACK_OIDC_TEAM_ID: SLACK_TEAM,
      ENTRA_TENANT_ID: ENTRA_TENANT,
      ENTRA_CLIENT_ID: entra.clientId,
      ENTRA_CLIENT_SECRET: entra.clientSecret,
      ENTRA_AUTHORITY_URL: entra.base,
      ...env,
    },
  });
  return { app, slack, entra, url };
}

/** People with points, each known by a verified email as `link` records it from their chat profile. */
export async function seedPeople(app: TestApp): Promise<void> {
  const { employees, ledger } = app.deps.store;
  const now = new Date();
  for (const [index, person] of [EMPLOYEE, COLLEAGUE, HR, ADMIN].entries()) {
    const employee = await employees.ensure(person.surface, person.id, person.name);
    await employees.update(employee.id, { department: person.department, email: person.email });
    await employees.recordIdentityEmail(person.surface, person.id, person.email, now);
    await ledger.award({ employeeId: employee.id, points: 30 - index * 10, reason: "answer_published", sourceKey: `console:${person.id}`, occurredAt: now });
  }
}

export { cookieOf };

/**
 * Signs in through the whole redirect dance with fetch: start → provider's authorize → callback. Returns the
 * callback's response (a session cookie on success).
 */
export function signInByHttp(fixture: ConsoleFixture, provider: "slack" | "entra", user: OidcUser): Promise<Response> {
  return signInThrough(fixture[provider], fixture.url, user);
}

/** A signed-in session's cookie header and CSRF token (read from the page's sign-out form). */
export async function sessionOf(fixture: ConsoleFixture, provider: "slack" | "entra", user: OidcUser): Promise<{ cookie: string; csrf: string }> {
  const callback = await signInByHttp(fixture, provider, user);
  const token = cookieOf(callback, SESSION_COOKIE);
  if (!token) throw new Error(`no session: ${callback.status} ${await callback.text()}`);
  const cookie = `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
  const page = await (await fetch(`${fixture.url}/me`, { headers: { cookie } })).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1];
  if (!csrf) throw new Error("no CSRF token on the page");
  return { cookie, csrf };
}
