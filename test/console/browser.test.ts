// The console in a real browser: Debian's Chromium, headless, driven by playwright-core. An employee signs in with
// Slack and HR with Entra ID through the stand-in providers, then opens each page; each page is saved as a screenshot
// under test-output/console/ and checked with axe-core for serious or critical accessibility violations.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { COLLEAGUE, EMPLOYEE, HR, seedPeople, startConsoleApp, type ConsoleFixture } from "../support/console";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = path.join(__dirname, "../../test-output/console");
const AXE = require.resolve("axe-core/axe.min.js");
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

jest.setTimeout(120_000);

let fixture: ConsoleFixture;
let profile: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  fixture = await startConsoleApp();
  await seedPeople(fixture.app);
  await fixture.app.db.prisma.employee.updateMany({ where: { externalId: COLLEAGUE.id }, data: { hiddenOnLeaderboards: true } });
  mkdirSync(SCREENSHOTS, { recursive: true });
});
beforeEach(async () => {
  profile = mkdtempSync(path.join(tmpdir(), "advocate-chromium-"));
  // The pages allow no scripts (CSP); axe is the test's own, so the page's policy is bypassed for it.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    headless: true,
    bypassCSP: true,
    viewport: { width: 390, height: 844 },
    locale: "en-GB",
  });
});
afterEach(async () => {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const results = await page.evaluate(async () =>
    (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; impact: string | null; help: string }> }> } }).axe.run(),
  );
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help}`);
}

async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  expect({ page: name, violations: await seriousViolations(page) }).toEqual({ page: name, violations: [] });
}

test("an employee signs in with Slack and sees the leaderboard and their own page", async () => {
  fixture.slack.user = { email: EMPLOYEE.email, name: EMPLOYEE.name };
  const page = await context.newPage();
  await page.goto(`${fixture.url}/me`);
  expect(page.url()).toBe(`${fixture.url}/sign-in`);
  await check(page, "sign-in");

  await page.getByRole("link", { name: "Sign in with Slack" }).click();
  await page.waitForURL(`${fixture.url}/leaderboard`);
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Leaderboard");
  const board = await page.locator("table.board").innerText();
  expect(board).toContain(EMPLOYEE.name);
  expect(board).toContain("a colleague");
  expect(board).not.toContain(COLLEAGUE.name);
  // An employee's navigation: the leaderboard and their page, nothing for HR.
  expect(await page.getByRole("navigation").getByRole("link").allInnerTexts()).toEqual(["Leaderboard", "My page"]);
  await check(page, "employee-leaderboard");

  await page.getByRole("link", { name: "My page" }).click();
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("My page");
  expect(await page.locator("main").innerText()).toContain("30");
  await check(page, "employee-me");

  await page.getByRole("button", { name: "Show me as “a colleague”" }).click();
  await page.waitForURL(`${fixture.url}/me`);
  expect(await page.locator("main").innerText()).toContain("Colleagues see you as “a colleague”");
  await page.getByRole("button", { name: "Show my name" }).click();
  await page.waitForURL(`${fixture.url}/me`);

  await page.getByRole("link", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Mijn pagina");
  await check(page, "employee-me-nl");

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(/\/console\/sign-in\?signed-out$/);
  await page.goto(`${fixture.url}/me`);
  expect(page.url()).toBe(`${fixture.url}/sign-in`);
});

test("HR signs in with Microsoft Entra ID and filters the leaderboard by department", async () => {
  fixture.entra.user = { email: HR.email, name: HR.name };
  const page = await context.newPage();
  await page.goto(`${fixture.url}/sign-in`);
  await page.getByRole("link", { name: "Sign in with Microsoft" }).click();
  await page.waitForURL(`${fixture.url}/leaderboard`);
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
});
