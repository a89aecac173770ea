// The console's pages over real HTTP: the leaderboard (the same use case as chat: "a colleague" for hidden names, by
// period and department), my page, my data as an audited download, the language (browser's, or switched), and names
// escaped into the HTML.
import { COLLEAGUE, EMPLOYEE, HR, cookieOf, seedPeople, sessionOf, startConsoleApp, type ConsoleFixture } from "../support/console";

let fixture: ConsoleFixture;
let employee: { cookie: string; csrf: string };

beforeAll(async () => {
  fixture = await startConsoleApp();
  await seedPeople(fixture.app);
  await fixture.app.db.prisma.employee.updateMany({ where: { externalId: COLLEAGUE.id }, data: { hiddenOnLeaderboards: true } });
  employee = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${fixture.url}${path}`, { redirect: "manual", headers: { cookie: employee.cookie, ...headers } });
const text = async (path: string, headers: Record<string, string> = {}) => (await get(path, headers)).text();
/** The leaderboard's table alone: the page's header names the signed-in person too. */
const tableOf = (page: string) => /<table class="board">[\s\S]*<\/table>/.exec(page)?.[0] ?? "";

test("the leaderboard: hidden names are “a colleague”, the viewer is marked, departments filter", async () => {
  const page = await text("/leaderboard");
  const board = tableOf(page);
  expect(board).toContain(EMPLOYEE.name);
  expect(board).toContain("a colleague");
  expect(board).not.toContain(COLLEAGUE.name);
  expect(board).toContain('<tr class="me">');
  expect(page).toContain("You: #1 with 30 points");
  const people = await text("/leaderboard?period=quarter&department=people");
  expect(tableOf(people)).toContain(HR.name);
  expect(tableOf(people)).not.toContain(EMPLOYEE.name);
  expect(people).toContain('<option value="quarter" selected>');
  // A department Advocate does not know, or a period it has not, shows everyone this month.
  const unknown = await text("/leaderboard?period=decade&department=Nowhere");
  expect(tableOf(unknown)).toContain(EMPLOYEE.name);
  expect(unknown).toContain('<option value="month" selected>');
});

test("my page: points, history, privacy form with the CSRF token, the data link", async () => {
  const page = await text("/me");
  expect(page).toContain("an answer published on the community");
  expect(page).toContain(`name="csrf" value="${employee.csrf}"`);
  expect(page).toContain('href="/console/me/data"');
  const bad = await fetch(`${fixture.url}/me/privacy`, {
    method: "POST",
    headers: { cookie: employee.cookie, "content-type": "application/x-www-form-urlencoded" },
    body: `csrf=${employee.csrf}&hidden=maybe`,
  });
  expect(bad.status).toBe(400);
});

test("my data downloads as JSON and is audited as an export, as in chat", async () => {
  const response = await get("/me/data");
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="?advocate-my-data-\d{4}-\d{2}-\d{2}\.json"?$/);
  expect(response.headers.get("cache-control")).toBe("no-store");
  const data = JSON.parse(await response.text()) as { employee: { externalId: string } };
  expect(data.employee.externalId).toBe(EMPLOYEE.id);
  const audit = await fixture.app.db.prisma.privacyAudit.findMany({ where: { action: "export" } });
  expect(audit).toHaveLength(1);
  // Nothing goes out through chat: the download is the delivery.
  expect(await fixture.app.db.prisma.outboxItem.count({ where: { kind: "chat.sendFile" } })).toBe(0);
});

test("the browser's language, and the switch that keeps another in a cookie and returns to the page", async () => {
  expect(await text("/me", { "accept-language": "nl-NL,nl;q=0.9,en;q=0.5" })).toContain("<h1>Mijn pagina</h1>");
  expect(await text("/me", { "accept-language": "de-DE, en;q=0.3" })).toContain("<h1>My page</h1>");
  const unsigned = await (await fetch(`${fixture.url}/sign-in`, { headers: { "accept-language": "nl" } })).text();
  expect(unsigned).toContain("Inloggen met Slack");

  const toDutch = await get(`/language/nl?back=${encodeURIComponent("/console/leaderboard?period=week")}`);
  expect(toDutch.status).toBe(303);
  expect(toDutch.headers.get("location")).toBe("/console/leaderboard?period=week");
  const chosen = cookieOf(toDutch, "__Host-advocate-console-lang");
  expect(chosen).toBe("nl");
  const cookie = `${employee.cookie}; __Host-advocate-console-lang=nl`;
  expect(await text("/leaderboard", { cookie, "accept-language": "en" })).toContain("<h1>Ranglijst</h1>");
  // The switch never sends anyone elsewhere.
  for (const back of ["https://evil.example/", "//evil.example/console/", "/elsewhere"])
    expect((await get(`/language/nl?back=${encodeURIComponent(back)}`)).headers.get("location")).toBe("/console/sign-in");
});

test("names are escaped into the page, and pages carry a policy that allows no scripts", async () => {
  await fixture.app.db.prisma.employee.updateMany({ where: { externalId: EMPLOYEE.id }, data: { displayName: `<script>alert("x")</script>` } });
  const response = await get("/leaderboard");
  const page = await response.text();
  expect(page).not.toContain("<script>");
  expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  await fixture.app.db.prisma.employee.updateMany({ where: { externalId: EMPLOYEE.id }, data: { displayName: EMPLOYEE.name } });
});
