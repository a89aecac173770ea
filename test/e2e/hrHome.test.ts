// HR's view in the Slack App Home, through real signed events and block actions: HR (and only HR) gets the pickers,
// a choice shows that report and is audited, the CSV button sends the files, a forged click from anyone else is
// refused and audited.
import nock from "nock";
import { startTestApp, type TestApp } from "../support/testApp";
import { FakeSlack } from "../support/slackApi";
import { PRIYA, homeAction } from "../support/slackPayloads";
import { openHome, publishedHome } from "../support/slackHome";

const HR = "UHR000001";
const NOW = new Date("2026-11-20T10:00:00Z");
let app: TestApp;
let slack: FakeSlack;

beforeAll(async () => {
  app = await startTestApp({ env: { ADVOCATE_HR_IDS: HR }, clock: { now: () => NOW } });
  slack = new FakeSlack().listen();
  const { directory, employees, ledger } = app.deps.store;
  await directory.upsert({ email: "anna@voltaro.example", name: "Anna", department: "Engineering" }, NOW);
  await directory.upsert({ email: "bram@voltaro.example", name: "Bram", department: "Customer Service" }, NOW);
  const anna = await employees.ensure("slack", "UANNA0001", "Anna");
  await employees.update(anna.id, { email: "anna@voltaro.example", department: "Engineering" });
  await ledger.award({ employeeId: anna.id, points: 10, reason: "answer_published", sourceKey: "home:anna", occurredAt: new Date("2026-11-03T09:00:00Z") });
});
afterAll(async () => {
  nock.cleanAll();
  await app.stop();
});

const audit = () =>
  app.db.prisma.reportAudit.findMany({ orderBy: { id: "asc" }, select: { userId: true, what: true, period: true, department: true, allowed: true } });

test("HR's home offers the report pickers; a colleague's home has no HR part; opening it views (and audits) nothing", async () => {
  const hrHome = await openHome(app, slack, HR);
  expect(hrHome).toContain("HR: participation report");
  expect(hrHome).toContain("advocate_hr_show");
  expect(hrHome).toContain('"text":"Engineering"');
  expect(hrHome).not.toContain("Participation report ·");
  expect(await openHome(app, slack, PRIYA)).not.toContain("advocate_hr");
  expect(await audit()).toEqual([]);
});

test("Show report: the chosen period and department, the pickers keep the choice, and the view is audited", async () => {
  expect((await app.interaction(homeAction("advocate_hr_show", HR, { period: "month", department: "Engineering" }))).status).toBe(200);
  const home = await publishedHome(app, slack, HR);
  expect(home).toContain("Participation report · month · Engineering");
  expect(home).toContain("Active advocates: 1 of 1 employees (100%)");
  expect(home).toContain('"initial_option":{"value":"Engineering"');
  await app.interaction(homeAction("advocate_hr_show", HR, { period: "week", from: "2026-11-01", to: "2026-11-15" }));
  expect(await publishedHome(app, slack, HR)).toContain("Participation report · 2026-11-01..2026-11-15 · whole company");
  await app.interaction(homeAction("advocate_hr_show", HR, { from: "2026-11-15", to: "2026-11-01" }));
  expect(await publishedHome(app, slack, HR)).toContain("is not a period I know");
  expect((await audit()).slice(0, 2)).toEqual([
    { userId: HR, what: "participation.home", period: "month", department: "Engineering", allowed: true },
    { userId: HR, what: "participation.home", period: "2026-11-01..2026-11-15", department: null, allowed: true },
  ]);
});

test("the CSV button sends the report and its chart to HR's messages; a forged click by a colleague is refused and audited", async () => {
  await app.interaction(homeAction("advocate_hr_csv", HR, { period: "quarter", department: "Engineering" }));
  await app.drain();
  expect(slack.of("files.getUploadURLExternal").map((call) => call.body.filename)).toEqual([
    "advocate-report-quarter-Engineering.csv",
    "advocate-report-quarter-Engineering.png",
  ]);

  const before = slack.of("files.getUploadURLExternal").length;
  await app.interaction(homeAction("advocate_hr_csv", PRIYA, { period: "quarter" }));
  await app.interaction(homeAction("advocate_hr_show", PRIYA, { period: "quarter" }));
  expect(await publishedHome(app, slack, PRIYA)).not.toContain("advocate_hr");
  expect(slack.of("files.getUploadURLExternal")).toHaveLength(before);
  expect((await audit()).filter((row) => row.userId === PRIYA)).toEqual([
    { userId: PRIYA, what: "participation.csv", period: "quarter", department: null, allowed: false },
    { userId: PRIYA, what: "participation.home", period: "quarter", department: null, allowed: false },
  ]);
});
