// The console in a real browser: Debian's Chromium, headless, driven by playwright-core. Every page is opened by the
// role that may see it, signed in through the stand-in Slack and Entra ID providers: an employee (leaderboard, my
// page, the privacy switch), HR (the report chosen through its form, its CSV, the donations and mark paid), an admin
// (routing with its preview, point rules, story schedules, the audit log, operations and Retry, office screen links
// and the office screen itself until revoked), and the Teams tab's page outside Teams. Each page is saved as a
// screenshot under test-output/console/ and checked with axe-core for serious or critical accessibility violations,
// under the page's own Content-Security-Policy (no page scripts but the Teams tab's), and none scrolls sideways on
// its screen: a phone's, 390 px wide, or for the office screen a TV's.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { ENTRA_TENANT } from "../../demo/standIns/oidcProvider";
import { quarterLabel, quarterOf } from "../../src/core/charity";
import { quarterRange } from "../../src/core/charity/quarters";
import { answeredQuestion } from "../support/stories";
import { TEAMS_APP_ID, TEAMS_APP_PASSWORD } from "../support/teams";
import { ADMIN, COLLEAGUE, EMPLOYEE, HR, seedPeople, startConsoleApp, type ConsoleFixture } from "../support/console";
import { seedIntake } from "../support/intake";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.join(__dirname, "../../test-output/console");
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const PHONE = { width: 390, height: 844 };
const TIMEZONE = "Europe/Amsterdam";
const TEAMS_ORIGINS_LIST = "https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json";
const STORY_TITLE = "Invoice paid twice";

jest.setTimeout(120_000);

let fixture: ConsoleFixture;
let browser: Browser;
let lastQuarter: string;
/** The contexts a test opened, closed after it. */
const opened: BrowserContext[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  [fixture, browser] = await Promise.all([
    startConsoleApp("127.0.0.1", { MicrosoftAppId: TEAMS_APP_ID, MicrosoftAppPassword: TEAMS_APP_PASSWORD, MicrosoftAppTenantId: ENTRA_TENANT }),
    chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true }),
  ]);
  await seedPeople(fixture.app);
  await seedPages(fixture);
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((context) => context.close()));
});
afterAll(async () => {
  await browser?.close();
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

/** What the pages need: a hidden colleague, departments to chart, 100+ questions to preview a rule against, last
 * quarter's donation, a story schedule, a given-up outbox item and an answered question for the office screen. */
async function seedPages({ app }: ConsoleFixture): Promise<void> {
  const { prisma } = app.db;
  const { employees, ledger, charities, storySchedules, outbox } = app.deps.store;
  await prisma.employee.updateMany({ where: { externalId: COLLEAGUE.id }, data: { hiddenOnLeaderboards: true } });
  for (const [index, name] of ["Sam", "Sara", "Sem", "Sofie", "Stijn"].entries()) {
    const person = await employees.ensure("slack", `U0SALES000${index}`, name);
    await employees.update(person.id, { department: "Sales" });
    if (index < 3) await ledger.award({ employeeId: person.id, points: 10, reason: "answer_published", sourceKey: `sales:${index}`, occurredAt: new Date() });
  }
  // 104 questions taken in, one a minute; every tenth is about billing.
  await seedIntake(app.db.prisma, Date.now(), 300);
  await answeredQuestion(app, 4711, { title: STORY_TITLE, body: "I paid my invoice twice. Can I get my money back?", helper: "Joost" });
  // Last quarter's donation: terms and a charity in force before it began, points earned in it.
  const last = quarterRange(quarterOf(new Date(quarterRange(quarterOf(new Date(), TIMEZONE), TIMEZONE).from!.getTime() - 86_400_000), TIMEZONE), TIMEZONE);
  lastQuarter = quarterLabel(quarterOf(last.from!, TIMEZONE));
  const kwf = await charities.add({ name: "KWF", url: "https://www.kwf.nl", createdBy: ADMIN.id });
  await charities.setTerms({ defaultCharityId: kwf.id, microEurosPerPoint: 100_000 }, ADMIN.id, new Date(last.from!.getTime() - 86_400_000));
  const priya = await employees.ensure(EMPLOYEE.surface, EMPLOYEE.id);
  await ledger.award({
    employeeId: priya.id,
    points: 250,
    reason: "answer_published",
    sourceKey: "last-quarter",
    occurredAt: new Date(last.from!.getTime() + 3600_000),
  });
  await storySchedules.add({ surface: "slack", channelId: "CSALES", days: ["mon", "thu"], time: "09:30", timezone: TIMEZONE, createdBy: ADMIN.id });
  // Work the worker gave up on, as it leaves it after a permanent failure.
  await outbox.enqueue({ kind: "claims.expire" }, { lane: "slack:channel:CGONE" });
  await prisma.outboxItem.updateMany({
    where: { lane: "slack:channel:CGONE" },
    data: { status: "dead", attempts: 3, doneAt: new Date(), lastError: "An API error occurred: not_in_channel" },
  });
}

/** A fresh browser for one person: their own cookies, a phone's screen, a British English browser. */
async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, locale: "en-GB" });
  opened.push(context);
  return context.newPage();
}

async function signIn(provider: "slack" | "entra", person: { email: string; name: string }): Promise<Page> {
  fixture[provider].user = { email: person.email, name: person.name };
  const page = await newPage();
  await page.goto(`${fixture.url}/sign-in`);
  await page.getByRole("link", { name: provider === "slack" ? "Sign in with Slack" : "Sign in with Microsoft" }).click();
  await page.waitForURL(`${fixture.url}/leaderboard`);
  return page;
}

type AxeResults = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
type Axe = { run(options: { rules: Record<string, { enabled: boolean }> }): Promise<AxeResults> };

/**
 * axe-core run in the page through the DevTools protocol, so the page's own policy (no inline scripts) stays on.
 * `exempt`: rules that do not apply to this page, each with why.
 */
async function seriousViolations(page: Page, exempt: Record<string, string>): Promise<string[]> {
  await page.evaluate(AXE);
  const rules = Object.fromEntries(Object.keys(exempt).map((rule) => [rule, { enabled: false }]));
  const results = await page.evaluate((options) => (globalThis as unknown as { axe: Axe }).axe.run(options), { rules });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}

async function check(page: Page, name: string, exempt: Record<string, string> = {}): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect({ page: name, violations: await seriousViolations(page, exempt) }).toEqual({ page: name, violations: [] });
  await fitsTheScreen(page, name);
}

/** What the page's window says of its width (the test's TypeScript has no DOM types). */
type Widths = { document: { scrollingElement: { scrollWidth: number } }; innerWidth: number };

/** Nothing wider than the screen (a phone's, 390 px): the page scrolls down, never sideways. */
async function fitsTheScreen(page: Page, name: string): Promise<void> {
  const widths = await page.evaluate(() => {
    const { document, innerWidth } = globalThis as unknown as Widths;
    return { content: document.scrollingElement.scrollWidth, screen: innerWidth };
  });
  expect({ name, ...widths }).toEqual({ name, content: widths.screen, screen: page.viewportSize()!.width });
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();
const mainText = (page: Page) => page.locator("main").innerText();

test("an employee signs in with Slack and sees the leaderboard and their own page", async () => {
  fixture.slack.user = { email: EMPLOYEE.email, name: EMPLOYEE.name };
  const page = await newPage();
  await page.goto(`${fixture.url}/me`);
  expect(page.url()).toBe(`${fixture.url}/sign-in`);
  await check(page, "sign-in");

  await page.getByRole("link", { name: "Sign in with Slack" }).click();
  await page.waitForURL(`${fixture.url}/leaderboard`);
  await expect(heading(page)).resolves.toBe("Leaderboard");
  const board = await page.locator("table.board").innerText();
  expect(board).toContain(EMPLOYEE.name);
  expect(board).toContain("a colleague");
  expect(board).not.toContain(COLLEAGUE.name);
  // An employee's navigation: the leaderboard and their page, nothing for HR.
  expect(await page.getByRole("navigation").getByRole("link").allInnerTexts()).toEqual(["Leaderboard", "My page"]);
  await check(page, "employee-leaderboard");

  await page.getByRole("link", { name: "My page" }).click();
  await expect(heading(page)).resolves.toBe("My page");
  expect(await mainText(page)).toContain("30");
  await check(page, "employee-me");

  await page.getByRole("button", { name: "Show me as “a colleague”" }).click();
  await page.waitForURL(`${fixture.url}/me`);
  expect(await mainText(page)).toContain("Colleagues see you as “a colleague”");
  await page.getByRole("button", { name: "Show my name" }).click();
  await page.waitForURL(`${fixture.url}/me`);

  await page.getByRole("link", { name: "Nederlands" }).click();
  await expect(heading(page)).resolves.toBe("Mijn pagina");
  await check(page, "employee-me-nl");

  // The HR and admin pages are not for an employee.
  const refused = await page.goto(`${fixture.url}/report`);
  expect(refused?.status()).toBe(403);
  await page.goto(`${fixture.url}/me`);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/console\/sign-in\?signed-out$/);
  await page.goto(`${fixture.url}/me`);
  expect(page.url()).toBe(`${fixture.url}/sign-in`);
});

test("HR signs in with Microsoft Entra ID: the leaderboard by department, the report and its CSV, donations and mark paid", async () => {
  const page = await signIn("entra", HR);
  expect(await page.locator(".who").innerText()).toContain(HR.name);

  await page.getByLabel("Period").selectOption("all");
  await page.getByLabel("Department").selectOption(EMPLOYEE.department);
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/period=all&department=Support/);
  const board = await page.locator("table.board").innerText();
  expect(board).toContain(EMPLOYEE.name);
  expect(board).not.toContain(HR.name);
  await check(page, "hr-leaderboard-department");

  await page.getByRole("link", { name: "My page" }).click();
  await check(page, "hr-me");

  // The whole company's report: its two charts, each an image with its summary, and their tables.
  await page.getByRole("navigation").getByRole("link", { name: "Participation report" }).click();
  await expect(heading(page)).resolves.toBe("Participation report");
  await page.getByLabel("Period").selectOption("quarter");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/\/report\?period=quarter/);
  expect(await page.getByRole("img").count()).toBe(2);
  await expect(page.getByRole("img").nth(1).getAttribute("aria-label")).resolves.toMatch(
    /^Participation in 4 departments, from People \(100%\) down to IT \(0%\)\./,
  );
  expect(await chartColoursAgainstWhite(page)).toEqual([]);
  await check(page, "hr-report");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  expect(download.suggestedFilename()).toBe("advocate-report-quarter.csv");
  expect(readFileSync((await download.path())!, "utf8")).toContain("\r\nSales,5,3,60,");

  await page.getByRole("combobox", { name: "Department" }).selectOption("Sales");
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(/\/report\?period=quarter&.*department=Sales/);
  await expect(page.getByRole("heading", { level: 2 }).first().textContent()).resolves.toContain("Sales");
  expect(await page.getByRole("img").count()).toBe(1);
  await check(page, "hr-report-sales");

  // Last quarter's donations, picked in the form, then paid through the row's button.
  await page.getByRole("navigation").getByRole("link", { name: "Donations" }).click();
  await expect(heading(page)).resolves.toBe("Charities and donations");
  expect(await mainText(page)).toContain("This quarter is not over yet");
  await page.getByRole("combobox", { name: "Quarter" }).selectOption(lastQuarter);
  await page.getByRole("button", { name: "Show" }).click();
  await page.waitForURL(new RegExp(`quarter=${lastQuarter}$`));
  await check(page, "hr-donations");
  await page.getByRole("button", { name: "Mark paid: €25.00 for KWF" }).click();
  await page.waitForURL(/notice=paid$/);
  const paid = await mainText(page);
  expect(paid).toContain("Marked paid. The payout is recorded with your name and the time.");
  expect(paid).toMatch(/€25.00 marked paid by Hanna de Wit, /);
  await check(page, "hr-donations-paid");
  expect(await fixture.app.db.prisma.charityPayout.count()).toBe(1);
});

test("an admin edits routing with its preview, point rules, story schedules, the audit log, retries given-up work and makes an office screen", async () => {
  const page = await signIn("slack", ADMIN);
  expect(await page.getByRole("navigation").getByRole("link").allInnerTexts()).toEqual(
    expect.arrayContaining(["Routing", "Point rules", "Story schedules", "Audit log", "Operations", "Office screens"]),
  );

  // Routing: a new rule's words, previewed against the latest 100 topics, then saved.
  await page.getByRole("navigation").getByRole("link", { name: "Routing" }).click();
  await expect(heading(page)).resolves.toBe("Routing rules");
  await check(page, "admin-routing");
  await page.getByLabel("The rule's words").fill("tag:billing lang:nl priority:10");
  await page.getByLabel("Channel id").fill("CBILLING");
  await page.getByRole("button", { name: "Preview" }).click();
  // Topics 10, 20 … 100 are billing and Dutch, all among the last hundred (5 … 104).
  await expect(page.getByRole("status").innerText()).resolves.toContain("This rule would have matched 10 of the last 100 topics.");
  await check(page, "admin-routing-preview");
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/routing\?saved=\d+$/);
  expect(await page.getByRole("status").innerText()).toMatch(/^Rule #\d+ is saved\.$/);
  expect(await page.locator("table").innerText()).toContain("tag:billing lang:nl");
  expect(await fixture.app.db.prisma.routingRule.findFirst({ include: { targets: true } })).toMatchObject({
    tags: ["billing"],
    languages: ["nl"],
    priority: 10,
    targets: [{ surface: "slack", channelId: "CBILLING" }],
  });

  await page.getByRole("navigation").getByRole("link", { name: "Point rules" }).click();
  await page.getByRole("spinbutton", { name: "daily_cap" }).fill("150");
  await page.getByRole("button", { name: "Save daily_cap" }).click();
  await page.waitForURL(/\/point-rules\?saved=daily_cap$/);
  expect(await page.getByRole("status").innerText()).toBe("daily_cap is now 150.");
  expect(await fixture.app.deps.store.pointRules.all()).toEqual({ daily_cap: 150 });
  await check(page, "admin-point-rules");

  await page.getByRole("navigation").getByRole("link", { name: "Story schedules" }).click();
  expect(await page.locator("table").innerText()).toContain("Monday, Thursday");
  await check(page, "admin-stories");

  // Operations: the given-up item with its error, and Retry puts it back in the queue.
  await page.getByRole("navigation").getByRole("link", { name: "Operations" }).click();
  await expect(heading(page)).resolves.toBe("Operations");
  const item = await fixture.app.db.prisma.outboxItem.findFirstOrThrow({ where: { lane: "slack:channel:CGONE" } });
  expect(await mainText(page)).toContain("An API error occurred: not_in_channel");
  await check(page, "admin-operations");
  await page.getByRole("button", { name: `Retry item #${item.id}` }).click();
  await page.waitForURL(new RegExp(`/operations\\?retried=${item.id}$`));
  expect(await page.getByRole("status").innerText()).toBe(`Item #${item.id} waits again; the worker runs it next.`);
  expect(await fixture.app.db.prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "pending", attempts: 0 });

  // Office screens, by keyboard: Tab to the name, type it, Enter makes the link.
  await page.getByRole("navigation").getByRole("link", { name: "Office screens" }).click();
  await check(page, "admin-wall-links");
  const field = page.getByLabel("Screen name");
  const focused = () => field.evaluate((input) => input.matches(":focus"));
  for (let presses = 0; presses < 30 && !(await focused()); presses++) await page.keyboard.press("Tab");
  expect(await focused()).toBe(true);
  await page.keyboard.type("Reception TV");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "Link for Reception TV" }).waitFor();
  const address = await page.locator("code.secret").innerText();
  expect(address).toMatch(new RegExp(`^${fixture.url}/wall/[A-Za-z0-9_-]{43}$`));
  await check(page, "admin-wall-link-made");

  // The office screen itself, as a TV opens it: no session needed.
  const tv = await newPage();
  await tv.setViewportSize({ width: 1920, height: 1080 });
  const shown = await tv.goto(address);
  expect(shown?.status()).toBe(200);
  await expect(heading(tv)).resolves.toBe("Reception TV");
  const wall = await mainText(tv);
  for (const words of ["Leaderboard of the month", EMPLOYEE.name, "a colleague", STORY_TITLE]) expect(wall).toContain(words);
  expect(wall).not.toContain(COLLEAGUE.name);
  await check(tv, "wall", {
    // Refreshing itself is what an unattended office screen is for (the issue asks for it): WCAG 2.2.1's real-time
    // exception. Everywhere else the rule applies.
    "meta-refresh": "an office screen reloads its figures every minute by design",
  });

  await page.goto(`${fixture.url}/wall-links`);
  await page.getByRole("button", { name: "Revoke the link of Reception TV" }).click();
  await page.waitForURL(`${fixture.url}/wall-links`);
  expect(await page.locator("table").innerText()).toContain("Revoked");
  const gone = await tv.reload();
  expect(gone?.status()).toBe(404);
  expect(await tv.locator("body").innerText()).not.toContain(EMPLOYEE.name);

  // The audit log shows all of it, newest first.
  await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
  const log = await mainText(page);
  for (const action of ["wall.revoke", "wall.create", "outbox.retry", "points.set", "routing.add"]) expect(log).toContain(action);
  expect(log.indexOf("wall.revoke")).toBeLessThan(log.indexOf("routing.add"));
  await check(page, "admin-audit");
});

test("the Teams tab outside Teams loads its scripts and says it cannot sign in, with no other console error", async () => {
  const page = await newPage();
  const errors: string[] = [];
  const scripts: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("response", (response) => response.request().resourceType() === "script" && scripts.push(`${response.status()} ${new URL(response.url()).pathname}`));
  // Teams' client asks Microsoft's CDN for the current list of Teams' hosts when it loads: answered here, offline.
  await page.route(TEAMS_ORIGINS_LIST, (route) =>
    route.fulfill({ json: { validOrigins: ["teams.microsoft.com", "*.teams.microsoft.com", "*.cloud.microsoft"] } }),
  );
  const response = await page.goto(`${fixture.url}/teams`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("status").filter({ hasText: "Teams could not sign you in to Advocate here." }).waitFor()).resolves.toBeUndefined();
  expect(scripts.sort()).toEqual(["200 /console/static/teams-js.js", "200 /console/static/teamsTab.js"]);
  expect(errors).toEqual([]);
  await check(page, "teams-tab-outside-teams");
});

/** Each chart's coloured marks (bars, lines) against the white it is drawn on: WCAG's 3:1 for graphics. */
async function chartColoursAgainstWhite(page: Page): Promise<string[]> {
  const colours = await page
    .locator("figure.chart svg path")
    .evaluateAll((paths) =>
      paths
        .flatMap((element) => [element.getAttribute("fill"), element.getAttribute("stroke")])
        .filter((colour): colour is string => !!colour && colour.startsWith("#")),
    );
  return [...new Set(colours)].filter((colour) => !["#fff", "#ffffff"].includes(colour.toLowerCase()) && contrastWithWhite(colour) < 3 && isColourful(colour));
}

const channel = (value: number) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
function rgb(colour: string): [number, number, number] {
  const hex = colour.length === 4 ? [...colour.slice(1)].map((digit) => digit + digit).join("") : colour.slice(1, 7);
  return [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255) as [number, number, number];
}
function contrastWithWhite(colour: string): number {
  const [r, g, b] = rgb(colour).map(channel) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}
/** Grid lines and axes are light greys on purpose (they are not the data); the series colours are what must show. */
function isColourful(colour: string): boolean {
  const [r, g, b] = rgb(colour);
  return Math.max(r, g, b) - Math.min(r, g, b) > 0.1;
}
