// HR's participation report on a seeded scenario: exact figures for the company and one department, ISO weeks in
// the company's timezone, and the audit of each request.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { runCommand } from "../../src/core/commands/runCommand";
import type { CommandContext } from "../../src/core/kernel/commandContext";
import { commandReplyText } from "../../src/chat/shared/commandReplyText";
import { slackMarkup } from "../../src/chat/slack/presenters/slackMarkup";
import { participationReport, reportCsv } from "../../src/core/hr";
import type { CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import { coreSettings, freshDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
const now = new Date("2026-11-20T10:00:00Z");
const hr: CommandContext = { surface: "slack", userId: "UHR", channelId: "D1" };
const ids: Record<string, string> = {};

async function employee(name: string, department: string | null) {
  const row = await deps.store.employees.ensure("slack", `U${name.toUpperCase()}`, name);
  await db.prisma.employee.update({ where: { id: row.id }, data: { department } });
  ids[name] = row.id;
}
let keys = 0;
async function award(name: string, points: number, reason: string, at: string) {
  await deps.store.ledger.award({ employeeId: ids[name] ?? "", points, reason, sourceKey: `k${keys++}`, occurredAt: new Date(at) });
}
async function question(topicId: number, postedAt: string, answers: Array<[string, string, string?]>) {
  const q = await db.prisma.question.create({ data: { community: "c", topicId, url: `https://c/t/${topicId}`, postedAt: new Date(postedAt) } });
  for (const [name, at, status = "published"] of answers) {
    await db.prisma.answer.create({
      data: {
        questionId: q.id,
        employeeId: ids[name] ?? "",
        submissionKey: `s${keys++}`,
        body: "…",
        postedAs: name,
        status,
        publishedAt: status === "published" ? new Date(at) : null,
      },
    });
  }
}

beforeAll(async () => {
  db = await freshDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ hrIds: ["UHR"] }),
  };
  for (const [name, department] of [
    ["ann", "Sales"],
    ["bob", "Sales"],
    ["cas", "Support"],
    ["dee", "Support"],
    ["eve", null],
  ] as const)
    await employee(name, department);
  await award("ann", 10, "answer_published", "2026-11-03T10:00:00Z");
  await award("ann", 25, "solution_accepted", "2026-11-04T10:00:00Z");
  await award("ann", 10, "answer_published", "2026-11-10T10:00:00Z");
  await award("bob", 10, "answer_published", "2026-11-10T10:00:00Z");
  await award("bob", 25, "solution_accepted", "2026-11-11T10:00:00Z");
  await award("bob", -25, "solution_unaccepted", "2026-11-12T10:00:00Z");
  await award("cas", 10, "answer_published", "2026-11-14T14:00:00Z");
  await award("cas", 10, "answer_published", "2026-11-17T10:00:00Z"); // after the period
  await award("dee", 2, "like_received", "2026-11-01T23:30:00Z"); // 00:30 on Monday 2 November in Amsterdam
  await question(1, "2026-11-03T08:00:00Z", [
    ["ann", "2026-11-03T10:00:00Z"],
    ["bob", "2026-11-03T12:00:00Z"],
  ]);
  await question(2, "2026-11-10T09:00:00Z", [["bob", "2026-11-10T09:30:00Z"]]);
  await question(3, "2026-11-14T10:00:00Z", [["cas", "2026-11-14T14:00:00Z"]]);
  await question(4, "2026-11-14T11:00:00Z", [["cas", "", "failed"]]);
  const kwf = await deps.store.charities.add({ name: "KWF", url: "https://www.kwf.nl/", createdBy: "UADMIN" });
  const oxfam = await deps.store.charities.add({ name: "Oxfam", url: "https://www.oxfam.org/", createdBy: "UADMIN" });
  await deps.store.charities.setTerms({ defaultCharityId: kwf.id }, "UADMIN", new Date("2026-10-01T00:00:00Z"));
  await deps.store.charities.pick(ids.ann ?? "", oxfam.id, new Date("2026-10-02T00:00:00Z"));
});
afterAll(async () => {
  await db.close();
});

test("the whole company over two ISO weeks: exact figures", async () => {
  const reply = await runCommand(deps, hr, "report 2026-11-02..2026-11-15");
  expect(reply).toMatchObject({
    type: "report",
    report: {
      period: "2026-11-02..2026-11-15",
      department: null,
      activeAdvocates: 4,
      employeesKnown: 5,
      participationPercent: 80,
      answersPublished: 4,
      medianFirstAnswerMs: 2 * 3_600_000,
      solutionsAccepted: 1,
      points: 67,
      pointsPerCharity: [
        { charity: "KWF", points: 22 },
        { charity: "Oxfam", points: 45 },
      ],
      weekly: [
        { week: "2026-W45", activeAdvocates: 2, answers: 2 },
        { week: "2026-W46", activeAdvocates: 3, answers: 2 },
      ],
    },
  });
  expect(reply.type === "report" && reply.report.top.map((row) => [row.displayName, row.points, row.rank])).toEqual([
    ["ann", 45, 1],
    ["bob", 10, 2],
    ["cas", 10, 2],
    ["dee", 2, 4],
  ]);
  const text = commandReplyText(reply, "en", slackMarkup);
  expect(text).toContain("*Participation report · 2026-11-02..2026-11-15 · whole company*");
  expect(text).toContain("Active advocates: 4 of 5 employees (80%)");
  expect(text).toContain("Answers published: 4 · median time to first answer: 2 h 0 min");
  expect(text).toContain("Solutions accepted: 1 · points: 67");
  expect(text).toContain("Points per charity: KWF 22 · Oxfam 45");
  expect(text).toContain("2026-W46 · 3 active · 2 answers");
  expect(commandReplyText(reply, "nl", slackMarkup)).toContain("Actieve advocates: 4 van 5 medewerkers (80%)");
});

test("one department (any case), and the audit of the request", async () => {
  expect(await runCommand(deps, hr, "report 2026-11-02..2026-11-15 sales")).toMatchObject({
    report: {
      department: "sales",
      activeAdvocates: 2,
      employeesKnown: 2,
      participationPercent: 100,
      answersPublished: 3,
      medianFirstAnswerMs: 75 * 60_000,
      solutionsAccepted: 1,
      points: 55,
    },
  });
  expect(await db.prisma.reportAudit.findFirst({ where: { department: "sales" }, select: { userId: true, what: true, period: true, allowed: true } })).toEqual({
    userId: "UHR",
    what: "participation",
    period: "2026-11-02..2026-11-15",
    allowed: true,
  });
});

test("periods: the month so far by default, the year so far, a department without a period, bad ranges refused; others refused", async () => {
  expect(await runCommand(deps, hr, "report")).toMatchObject({
    report: { period: "month", points: 77, weekly: [{ week: "2026-W44" }, { week: "2026-W45" }, { week: "2026-W46" }, { week: "2026-W47" }] },
  });
  expect(await runCommand(deps, hr, "report Support")).toMatchObject({ report: { period: "month", department: "Support", points: 22 } });
  const year = await runCommand(deps, hr, "report year");
  expect(year).toMatchObject({ report: { period: "year", weekly: expect.arrayContaining([{ week: "2026-W01", activeAdvocates: 0, answers: 0 }]) } });
  expect(year.type === "report" && year.report.weekly[0]?.week).toBe("2026-W01");
  expect(await runCommand(deps, hr, "report 2026-11-15..2026-11-02")).toEqual({
    type: "error",
    problem: "bad_report_period",
    detail: "2026-11-15..2026-11-02",
  });
  const alice: CommandContext = { surface: "slack", userId: "UALICE", channelId: "C1" };
  expect(await runCommand(deps, alice, "report week")).toEqual({ type: "error", problem: "not_allowed" });
  expect(await db.prisma.reportAudit.count({ where: { userId: "UALICE", allowed: false, period: "week" } })).toBe(1);
});

test("the CSV: one section per table, exact figures, quoted and formula-safe cells; queued for the requester", async () => {
  const reply = await runCommand(deps, hr, "report 2026-11-02..2026-11-15");
  if (reply.type !== "report") throw new Error(reply.type);
  expect(reportCsv(reply.report).split("\r\n")).toEqual([
    "period,2026-11-02..2026-11-15",
    "department,all",
    "active_advocates,4",
    "employees_known,5",
    "participation_percent,80",
    "answers_published,4",
    "median_minutes_to_first_answer,120",
    "solutions_accepted,1",
    "points,67",
    "",
    "charity,points",
    "KWF,22",
    "Oxfam,45",
    "",
    "rank,advocate,points",
    "1,ann,45",
    "2,bob,10",
    "2,cas,10",
    "4,dee,2",
    "",
    "week,active_advocates,answers",
    "2026-W45,2,2",
    "2026-W46,3,2",
    "",
    "department,people,active_advocates,participation_percent,answers_published,points",
    "Sales,2,2,100,3,55",
    "Support,2,2,100,1,12",
    "",
    "surface,channel,promises_decided,promises_kept,kept_percent",
    "",
  ]);
  expect(reportCsv({ ...reply.report, pointsPerCharity: [{ charity: '=HYPERLINK("x"), "Ltd"', points: 1 }] })).toContain(`"'=HYPERLINK(""x""), ""Ltd"""`);

  expect(await runCommand(deps, hr, "report 2026-11-02..2026-11-15 Sales csv")).toEqual({
    type: "report_sent",
    filename: "advocate-report-2026-11-02..2026-11-15-Sales.csv",
  });
  const queued = await db.prisma.outboxItem.findMany({ where: { lane: "slack:user:UHR" } });
  expect(queued).toHaveLength(1);
  expect(JSON.stringify(queued[0]?.payload)).toContain("active_advocates,2");
});

test("per department, with the small-group rule: the same figures for chat and console, from one use case", async () => {
  await employee("fay", "Support");
  const strict: CoreDeps = { ...deps, settings: coreSettings({ hrIds: ["UHR"], minGroupSize: 3 }) };
  const asked = await participationReport(strict, hr, { what: "participation", period: "2026-11-02..2026-11-15", department: null });
  if (!asked.ok) throw new Error(asked.problem);
  expect(asked.report.departments).toEqual([
    // Two known people: under the minimum of three, nothing shown but the name.
    { department: "Sales", tooSmall: true },
    { department: "Support", tooSmall: false, people: 3, activeAdvocates: 2, participationPercent: 67, answersPublished: 1, points: 12 },
  ]);
  // A department's row agrees with that department's own report.
  const support = await participationReport(strict, hr, { what: "participation", period: "2026-11-02..2026-11-15", department: "Support" });
  expect(support).toMatchObject({
    ok: true,
    report: { activeAdvocates: 2, employeesKnown: 3, participationPercent: 67, answersPublished: 1, points: 12, departments: [] },
  });
  expect(await participationReport(strict, hr, { what: "participation", period: "2026-11-02..2026-11-15", department: "sales" })).toEqual({
    ok: false,
    problem: "small_group",
    detail: "sales",
  });
  // The chat command shows what the use case returns.
  const chat = await runCommand(strict, hr, "report 2026-11-02..2026-11-15");
  expect(chat).toEqual({ type: "report", report: asked.report });
  expect(reportCsv(asked.report)).toContain("\r\nSales,,,,,\r\nSupport,3,2,67,1,12\r\n");
  expect(await participationReport(strict, { surface: "slack", userId: "UALICE" }, { what: "participation", period: "month", department: null })).toEqual({
    ok: false,
    problem: "not_allowed",
  });
});
