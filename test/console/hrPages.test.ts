// HR's console pages over real HTTP, signed in through the stand-in providers: the participation report with its two
// charts (labelled SVG) and their tables, the small-group rule, the CSV with the chat report's figures, and the
// quarter's donations with "mark paid" (recorded once, audited as chat's `charity paid`). An employee is refused.
import { participationReport, reportCsv } from "../../src/core/hr";
import { quarterLabel, quarterOf } from "../../src/core/charity";
import { quarterRange } from "../../src/core/charity/quarters";
import { EMPLOYEE, HR, seedPeople, sessionOf, startConsoleApp, type ConsoleFixture } from "../support/console";

let fixture: ConsoleFixture;
let hr: { cookie: string; csrf: string };
const form = { "content-type": "application/x-www-form-urlencoded" };
/** Enough people for its figures to show (ADVOCATE_MIN_GROUP_SIZE is 5); Support (2) and People (1) are too small. */
const SALES = ["Sam", "Sara", "Sem", "Sofie", "Stijn"];
const TIMEZONE = "Europe/Amsterdam";
const lastQuarter = () => {
  const thisQuarter = quarterRange(quarterOf(new Date(), TIMEZONE), TIMEZONE);
  return quarterOf(new Date(thisQuarter.from!.getTime() - 24 * 3600_000), TIMEZONE);
};

beforeAll(async () => {
  fixture = await startConsoleApp("127.0.0.1", { ADVOCATE_MIN_GROUP_SIZE: "5" });
  await seedPeople(fixture.app);
  const { employees, ledger, charities } = fixture.app.deps.store;
  for (const [index, name] of SALES.entries()) {
    const person = await employees.ensure("slack", `U0SALES000${index}`, name);
    await employees.update(person.id, { department: "Sales" });
    if (index < 3) await ledger.award({ employeeId: person.id, points: 10, reason: "answer_published", sourceKey: `sales:${index}`, occurredAt: new Date() });
  }
  // Last quarter's donations: terms, a charity and points in force before it ended.
  const last = quarterRange(lastQuarter(), TIMEZONE);
  const before = new Date(last.from!.getTime() - 24 * 3600_000);
  const kwf = await charities.add({ name: "KWF", url: "https://www.kwf.nl", createdBy: "admin" });
  await charities.setTerms({ defaultCharityId: kwf.id, microEurosPerPoint: 100_000 }, "admin", before);
  const priya = await employees.ensure(EMPLOYEE.surface, EMPLOYEE.id);
  await ledger.award({
    employeeId: priya.id,
    points: 250,
    reason: "answer_published",
    sourceKey: "last-quarter",
    occurredAt: new Date(last.from!.getTime() + 3600_000),
  });
  hr = await sessionOf(fixture, "entra", { email: HR.email, name: HR.name });
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

const get = (path: string, cookie = hr.cookie) => fetch(`${fixture.url}${path}`, { redirect: "manual", headers: { cookie } });
const audits = (what: string) => fixture.app.db.prisma.reportAudit.findMany({ where: { what }, orderBy: { id: "asc" } });
const payouts = () => fixture.app.db.prisma.charityPayout.findMany();
const hrActor = { surface: HR.surface, userId: HR.id };

describe("the participation report", () => {
  test("HR sees the figures, both charts as labelled SVG without inline CSS, and their tables; the view is audited", async () => {
    const response = await get("/report?period=month");
    expect(response.status).toBe(200);
    const page = await response.text();
    const charts = [...page.matchAll(/<svg role="img" aria-label="([^"]+)"[^>]*><title>([^<]+)<\/title>/g)];
    expect(charts.map(([, label]) => label)).toEqual([
      expect.stringMatching(/^Weekly trend from \d{4}-W\d\d to \d{4}-W\d\d: .* The table below gives every week\.$/),
      "Participation in 1 department: Sales (60%). The table below gives every figure. 3 more have fewer than 5 people and are not shown.",
    ]);
    expect(charts.every(([, label, title]) => label === title)).toBe(true);
    // The page's Content-Security-Policy allows no inline styles: the charts carry none.
    expect(page).not.toMatch(/style="|<style/);
    expect(page).toContain('<th scope="col">Week</th>');
    expect(page).toMatch(/<th scope="row">Sales<\/th>\s*<td class="number">5<\/td>\s*<td class="number">3<\/td>\s*<td class="number">60%<\/td>/);
    expect(page).toContain('href="/console/report/csv?period=month&amp;department="');
    const [audit] = (await audits("participation.console")).slice(-1);
    expect(audit).toMatchObject({ userId: HR.id, period: "month", department: null, allowed: true });
  });

  test("the small-group rule: a department under the minimum is only 'fewer than N', in the table and when asked for", async () => {
    const page = await (await get("/report")).text();
    expect(page).toMatch(/<th scope="row">Support<\/th>\s*<td colspan="5">fewer than 5 people<\/td>/);
    expect(page).toMatch(/<th scope="row">People<\/th>\s*<td colspan="5">fewer than 5 people<\/td>/);
    const asked = await get("/report?period=quarter&department=support");
    expect(asked.status).toBe(200);
    const text = await asked.text();
    expect(text).toContain("Support has fewer than 5 people: its figures are not shown");
    expect(text).not.toContain("<svg");
    expect(text).not.toContain(EMPLOYEE.name);
    const sales = await (await get("/report?period=year&department=Sales")).text();
    expect(sales).toContain("Participation report · year · Sales");
    expect(sales.match(/<svg /g)).toHaveLength(1);
  });

  test("a department Advocate does not know is ignored and said so: the whole company, nothing of it echoed or audited", async () => {
    const response = await get(`/report?department=${encodeURIComponent('<script>alert("x")</script>')}`);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("Advocate does not know that department: the whole company is shown.");
    expect(page).toContain("Participation report · month · whole company");
    expect(page).not.toContain("<script>");
    const [audit] = (await audits("participation.console")).slice(-1);
    expect(audit).toMatchObject({ department: null, allowed: true });
  });

  test("a period that is not one: 400 and the pickers, no figures", async () => {
    const response = await get("/report?period=someday");
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain("“someday” is not a report period");
    expect(page).not.toContain("<svg");
  });

  test("the CSV downloads with the chat report's figures, audited as a CSV view", async () => {
    const response = await get("/report/csv?period=month&department=");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe("attachment; filename=advocate-report-month.csv");
    const csv = await response.text();
    const chat = await participationReport(fixture.app.deps, hrActor, { what: "participation", period: "month", department: null });
    expect(chat.ok && csv).toBe(chat.ok && reportCsv(chat.report));
    expect(csv).toContain("\r\nSales,5,3,60,");
    expect(csv).toContain("\r\nSupport,,,,,\r\n");
    expect((await audits("participation.console.csv")).at(-1)).toMatchObject({ userId: HR.id, period: "month", allowed: true });
    // A department too small has no file: back to the page, which says why.
    const small = await get("/report/csv?period=month&department=Support");
    expect(small.status).toBe(303);
    expect(small.headers.get("location")).toBe("/console/report?period=month&department=Support");
  });
});

describe("charities and donations", () => {
  const markPaid = (body: string, cookie = hr.cookie) =>
    fetch(`${fixture.url}/donations/paid`, { method: "POST", redirect: "manual", headers: { ...form, cookie }, body });

  test("last quarter's donation per charity, with its terms and a 'mark paid' button; this quarter has none yet", async () => {
    const quarter = quarterLabel(lastQuarter());
    const page = await (await get(`/donations?quarter=${quarter}`)).text();
    expect(page).toContain(`Donations ${quarter}`);
    expect(page).toMatch(/<th scope="row">KWF<\/th>\s*<td class="number">250<\/td>\s*<td class="number">\s*€25.00\s*<\/td>/);
    expect(page).toContain('aria-label="Mark paid: €25.00 for KWF"');
    expect(page).toContain(`<option selected>${quarter}</option>`);
    const current = await (await get("/donations")).text();
    expect(current).toContain("This quarter is not over yet");
    expect(current).not.toContain('name="charity"');
    expect((await audits("charity.console")).at(-1)).toMatchObject({ userId: HR.id, period: quarterLabel(quarterOf(new Date(), TIMEZONE)), allowed: true });
  });

  test("without the CSRF token: 403 and nothing written", async () => {
    const quarter = quarterLabel(lastQuarter());
    const before = (await audits("charity_paid")).length;
    const response = await markPaid(`charity=1&quarter=${quarter}`);
    expect(response.status).toBe(403);
    expect(await payouts()).toEqual([]);
    expect(await audits("charity_paid")).toHaveLength(before);
  });

  test("mark paid records the payout once, with who and when, audited as chat's charity paid; a second POST pays nothing more", async () => {
    const quarter = quarterLabel(lastQuarter());
    const body = `csrf=${hr.csrf}&charity=1&quarter=${quarter}`;
    const first = await markPaid(body);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/console/donations?quarter=${quarter}&notice=paid`);
    const again = await markPaid(body);
    expect(again.headers.get("location")).toBe(`/console/donations?quarter=${quarter}&notice=already_paid`);
    const hanna = await fixture.app.deps.store.employees.ensure(HR.surface, HR.id);
    expect(await payouts()).toEqual([expect.objectContaining({ charityId: 1, quarter, points: 250, amountCents: 25_00, paidBy: hanna.id })]);
    expect((await audits("charity_paid")).map((row) => [row.userId, row.period, row.allowed])).toEqual([
      [HR.id, quarter, true],
      [HR.id, quarter, true],
    ]);
    const page = await (await get(`/donations?quarter=${quarter}&notice=already_paid`)).text();
    expect(page).toContain("That donation was marked paid already: nothing changed.");
    expect(page).toMatch(/€25.00 marked paid by Hanna de Wit, /);
    expect(page).not.toContain('name="charity"');
  });

  test("a form that is not one: 400, nothing written", async () => {
    const response = await markPaid(`csrf=${hr.csrf}&charity=KWF&quarter=2026-Q1`);
    expect(response.status).toBe(400);
    expect(await payouts()).toHaveLength(1);
  });
});

describe("an employee", () => {
  test("gets 403 on the report, its CSV, the donations and mark paid; each refusal is audited, nothing is written; the navigation offers none", async () => {
    const employee = await sessionOf(fixture, "slack", { email: EMPLOYEE.email, name: EMPLOYEE.name });
    await fixture.app.db.prisma.charityPayout.deleteMany();
    const before = await fixture.app.db.prisma.reportAudit.count({ where: { allowed: false } });
    for (const path of ["/report", "/report/csv?period=month", "/donations"]) {
      const response = await get(path, employee.cookie);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain("KWF");
    }
    const post = await fetch(`${fixture.url}/donations/paid`, {
      method: "POST",
      redirect: "manual",
      headers: { ...form, cookie: employee.cookie },
      body: `csrf=${employee.csrf}&charity=1&quarter=${quarterLabel(lastQuarter())}`,
    });
    expect(post.status).toBe(403);
    expect(await payouts()).toEqual([]);
    const refused = await fixture.app.db.prisma.reportAudit.findMany({ where: { allowed: false }, orderBy: { id: "asc" }, skip: before });
    expect(refused.map((row) => [row.userId, row.what])).toEqual([
      [EMPLOYEE.id, "console GET /report"],
      [EMPLOYEE.id, "console GET /report/csv"],
      [EMPLOYEE.id, "console GET /donations"],
      [EMPLOYEE.id, "console POST /donations/paid"],
    ]);
    const nav = await (await get("/leaderboard", employee.cookie)).text();
    expect(nav).not.toContain('href="/console/report"');
    expect(nav).not.toContain('href="/console/donations"');
    const hrNav = await (await get("/leaderboard")).text();
    expect(hrNav).toContain('href="/console/report"');
    expect(hrNav).toContain('href="/console/donations"');
  });
});
