// Charities through the shared command runner, on the real store (PGlite): admin commands and bad input,
// picking and the default, the quarterly report and who may see it, and the payout audit.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { runCommand, type CommandReply } from "../../src/core/commands/runCommand";
import type { CommandContext } from "../../src/core/kernel/commandContext";
import { commandReplyText } from "../../src/chat/shared/commandReplyText";
import { slackMarkup } from "../../src/chat/slack/presenters/slackMarkup";
import type { CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import { coreSettings, memoryDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
let now: Date;

const admin: CommandContext = { surface: "slack", userId: "UADMIN", channelId: "C1" };
const alice: CommandContext = { surface: "slack", userId: "UALICE", channelId: "C1" };
const bob: CommandContext = { surface: "slack", userId: "UBOB", channelId: "C1" };

const run = (ctx: CommandContext, text: string) => runCommand(deps, ctx, text);
const say = async (ctx: CommandContext, text: string, locale = "en") => commandReplyText(await run(ctx, text), locale, slackMarkup);
const charity = (reply: CommandReply) => (reply.type === "charity" ? reply.charity : null);

async function award(ctx: CommandContext, points: number, at: string) {
  const employee = await deps.store.employees.ensure(ctx.surface, ctx.userId);
  await deps.store.ledger.award({ employeeId: employee.id, points, reason: "test", sourceKey: `test:${ctx.userId}:${at}:${points}`, occurredAt: new Date(at) });
}

beforeAll(async () => {
  db = await memoryDatabase();
  deps = {
    store: prismaStore(db.prisma),
    // Charity work never reaches the community nor posts to chat.
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ adminIds: ["UADMIN"] }),
  };
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  now = new Date("2026-11-20T10:00:00Z");
  await db.sql.exec(`TRUNCATE "CharityPayout", "CharityPick", "CharityTerms", "Charity", "PointAward", "Employee" RESTART IDENTITY CASCADE`);
});

test("admins add charities; bad names and web addresses are refused; anyone lists them", async () => {
  expect(charity(await run(admin, "charity add KWF Kankerbestrijding https://www.kwf.nl"))).toMatchObject({
    kind: "added",
    charity: { id: 1, name: "KWF Kankerbestrijding", url: "https://www.kwf.nl/" },
  });
  expect(charity(await run(admin, "charity add Natuurmonumenten <https://www.natuurmonumenten.nl|natuurmonumenten.nl>"))).toMatchObject({
    kind: "added",
    charity: { url: "https://www.natuurmonumenten.nl/" },
  });
  for (const bad of ["charity add KWF kwf", "charity add KWF javascript:alert(1)", "charity add KWF https://localhost", "charity add KWF ftp://kwf.nl"]) {
    expect(charity(await run(admin, bad))).toMatchObject({ kind: "error", problem: "bad_url" });
  }
  expect(await say(admin, "charity add KWF www.kwf.nl")).toContain("“www.kwf.nl” is not a web address");
  expect(charity(await run(admin, "charity add https://kwf.nl"))).toMatchObject({ kind: "error", problem: "bad_name" });
  expect(charity(await run(admin, "charity add"))).toMatchObject({ kind: "error", problem: "bad_name" });
  expect(await db.prisma.charity.count()).toBe(2);

  const list = await say(alice, "charity list");
  expect(list).toContain("#1 · <https://www.kwf.nl/|KWF Kankerbestrijding>");
  expect(list).toContain("#2 · <https://www.natuurmonumenten.nl/|Natuurmonumenten>");
  expect(list).toContain("The value of a point is not set yet.");
});

test("only admins manage charities and terms: everyone else gets a polite no, and nothing changes", async () => {
  await run(admin, "charity add KWF https://www.kwf.nl");
  for (const command of ["charity add Evil https://evil.example", "charity remove 1", "charity default 1", "charity rate 5", "charity budget 1"]) {
    expect(await run(alice, command)).toEqual({ type: "error", problem: "not_admin" });
  }
  expect(await say(alice, "charity rate 5")).toBe("Only Advocate admins can change this.");
  expect(await db.prisma.charity.count()).toBe(1);
  expect(await db.prisma.charityTerms.count()).toBe(0);
});

test("the point value and budget are stored exactly; negative or garbled ones are refused", async () => {
  expect(charity(await run(admin, "charity rate 0.10"))).toEqual({ kind: "rate_set", microEurosPerPoint: 100_000 });
  expect(await say(admin, "charity rate 0,0125", "nl")).toBe("Eén punt is nu €\u00a00,0125 waard.");
  for (const bad of ["-0.10", "abc", "0.1234567", "1e3", "", "2000"]) {
    expect(charity(await run(admin, `charity rate ${bad}`))).toMatchObject({ kind: "error", problem: "bad_rate" });
  }
  expect(charity(await run(admin, "charity budget 5000"))).toEqual({ kind: "budget_set", quarterBudgetCents: 500_000 });
  for (const bad of ["-5", "lots", "12.345", ""]) {
    expect(charity(await run(admin, `charity budget ${bad}`))).toMatchObject({ kind: "error", problem: "bad_budget" });
  }
  expect(await say(admin, "charity budget -5")).toContain("“-5” is not a budget");
  // Every change is a new full row: the history says who set what, when.
  expect(
    await db.prisma.charityTerms.findMany({ orderBy: { id: "asc" }, select: { microEurosPerPoint: true, quarterBudgetCents: true, setBy: true } }),
  ).toEqual([
    { microEurosPerPoint: 100_000, quarterBudgetCents: null, setBy: "UADMIN" },
    { microEurosPerPoint: 12_500, quarterBudgetCents: null, setBy: "UADMIN" },
    { microEurosPerPoint: 12_500, quarterBudgetCents: 500_000, setBy: "UADMIN" },
  ]);
  expect(charity(await run(admin, "charity budget none"))).toEqual({ kind: "budget_set", quarterBudgetCents: null });
  expect(await say(admin, "charity list")).toContain("There is no budget cap per quarter.");
});

test("picking: by id, unknown ids refused, removed charities unpickable, the default when nobody picked", async () => {
  await run(admin, "charity add KWF https://www.kwf.nl");
  await run(admin, "charity add Natuurmonumenten https://www.natuurmonumenten.nl");
  await run(admin, "charity add Oxfam https://www.oxfam.org");
  await run(admin, "charity rate 0.10");
  expect(charity(await run(admin, "charity default 9"))).toMatchObject({ kind: "error", problem: "unknown_charity", detail: "9" });
  expect(charity(await run(admin, "charity default #1"))).toMatchObject({ kind: "default_set", charity: { name: "KWF" } });
  await award(alice, 300, "2026-10-05T12:00:00Z");
  await award(alice, 40, "2026-11-19T12:00:00Z");

  // Alice never picked: the default is hers.
  expect(charity(await run(alice, "charity"))).toMatchObject({
    kind: "picker",
    picker: { charities: [{ id: 1 }, { id: 2 }, { id: 3 }], current: { charity: { id: 1 }, chosen: false } },
  });
  expect(await say(alice, "charity mine")).toBe("Your 340 points = €34.00 for *KWF* this quarter.");
  expect(await say(alice, "charity mine", "nl")).toBe("Jouw 340 punten = €\u00a034,00 voor *KWF* dit kwartaal.");
  expect(await say(alice, "points")).toContain("Your 340 points = €34.00 for *KWF* this quarter.");

  expect(charity(await run(alice, "charity pick 2"))).toMatchObject({ kind: "pick", result: { status: "picked", charity: { name: "Natuurmonumenten" } } });
  expect(await say(alice, "charity mine")).toBe("Your 340 points = €34.00 for *Natuurmonumenten* this quarter.");
  for (const bad of ["42", "x", "", "-1"])
    expect(charity(await run(alice, `charity pick ${bad}`))).toMatchObject({ kind: "pick", result: { status: "unknown_charity" } });
  expect(await say(alice, "charity pick 42")).toBe("There is no charity “42” to choose: see /advocate charity list.");

  // The default cannot be removed; another one can, and its pickers fall back to the default.
  expect(charity(await run(admin, "charity remove 1"))).toMatchObject({ kind: "error", problem: "is_default" });
  expect(charity(await run(admin, "charity remove 2"))).toMatchObject({ kind: "removed", charity: { name: "Natuurmonumenten" } });
  expect(charity(await run(admin, "charity remove 2"))).toMatchObject({ kind: "error", problem: "unknown_charity" });
  expect(await db.prisma.charity.findUniqueOrThrow({ where: { id: 2 } })).toMatchObject({ name: "Natuurmonumenten", removedAt: now });
  expect(await say(alice, "charity list")).not.toContain("Natuurmonumenten");
  expect(charity(await run(alice, "charity pick 2"))).toMatchObject({ kind: "pick", result: { status: "unknown_charity" } });
  expect(await say(alice, "charity mine")).toBe("Your 340 points = €34.00 for *KWF* this quarter.");
});

test("without a pick or a default, points have no charity: the picker says so and `points` stays quiet", async () => {
  await run(admin, "charity add KWF https://www.kwf.nl");
  await award(bob, 20, "2026-11-19T12:00:00Z");
  expect(await say(bob, "charity mine")).toBe("Your points have no charity yet: pick one with /advocate charity.");
  expect(await say(bob, "points")).not.toContain("charity");
  expect(await say(bob, "charity")).toContain("Your points have no charity yet.");
});

test("the report: for admins only; per charity, capped pro rata when the budget binds, with both figures", async () => {
  await run(admin, "charity add KWF https://www.kwf.nl");
  await run(admin, "charity add Oxfam https://www.oxfam.org");
  await run(admin, "charity default 1");
  await run(admin, "charity rate 0.10");
  await run(bob, "charity pick 2");
  await award(alice, 340, "2026-11-01T12:00:00Z");
  await award(bob, 333, "2026-11-02T12:00:00Z");
  await award(bob, 327, "2026-11-03T12:00:00Z");
  await award(bob, 500, "2026-09-30T12:00:00Z"); // the quarter before

  expect(charity(await run(alice, "charity report"))).toEqual({ kind: "error", problem: "not_allowed" });
  expect(await say(alice, "charity report 2026-Q4")).toBe(
    "Sorry, reports are for HR and Advocate admins only. An admin can give you access with /advocate hr grant.",
  );
  expect(charity(await run(admin, "charity report 2026-Q9"))).toMatchObject({ kind: "error", problem: "bad_quarter" });

  expect(charity(await run(admin, "charity report"))).toMatchObject({
    kind: "report",
    report: {
      quarter: "2026-Q4",
      points: 1000,
      earnedCents: 100_00,
      dueCents: 100_00,
      capBinds: false,
      lines: [
        { charityId: 1, points: 340, dueCents: 34_00 },
        { charityId: 2, points: 660, dueCents: 66_00 },
      ],
    },
  });
  await run(admin, "charity budget 10.01");
  const capped = charity(await run(admin, "charity report 2026-Q4"));
  expect(capped).toMatchObject({ kind: "report", report: { earnedCents: 100_00, dueCents: 10_01, capBinds: true } });
  // 10.01 × 340/1000 = 3.4034 and × 660/1000 = 6.6066: floors 3.40 + 6.60, the cent left to the larger remainder.
  expect(capped?.kind === "report" && capped.report.lines.map((line) => [line.earnedCents, line.dueCents])).toEqual([
    [34_00, 3_40],
    [66_00, 6_61],
  ]);
  const text = await say(admin, "charity report 2026-Q4");
  expect(text).toContain("#2 Oxfam · 660 points · €66.00 uncapped → €6.61 paid · not paid yet");
  expect(text).toContain("Total: 1000 points · €100.00 uncapped → €10.01 paid: the budget cap of €10.01 applies");
  expect(await say(alice, "charity mine")).toBe("Your 340 points = €3.40 for *KWF* this quarter. (Scaled down pro rata: this quarter's budget cap applies.)");
  // Q3 is settled on what was in force when it ended: no charities, picks or terms yet, so nowhere to go.
  expect(charity(await run(admin, "charity report 2026-Q3"))).toMatchObject({ report: { points: 0, unassigned: 500, lines: [] } });
  expect(await say(admin, "charity report 2026-Q3")).toContain("500 points have no charity and are left out");
});

test("marking paid: for admins, only once a quarter ended, recorded once in the audit table and shown in the report", async () => {
  now = new Date("2026-07-01T09:00:00Z");
  await run(admin, "charity add KWF https://www.kwf.nl");
  await run(admin, "charity add Oxfam https://www.oxfam.org");
  await run(admin, "charity default 1");
  await run(admin, "charity rate 0.10");
  await award(alice, 250, "2026-08-01T12:00:00Z");
  now = new Date("2026-11-20T10:00:00Z");

  expect(charity(await run(alice, "charity paid 1 2026-Q3"))).toEqual({ kind: "error", problem: "not_allowed" });
  expect(charity(await run(admin, "charity paid 1 2026-Q4"))).toMatchObject({ kind: "error", problem: "quarter_not_over" });
  expect(charity(await run(admin, "charity paid 1 someday"))).toMatchObject({ kind: "error", problem: "bad_quarter" });
  expect(charity(await run(admin, "charity paid 7 2026-Q3"))).toMatchObject({ kind: "error", problem: "unknown_charity" });
  expect(charity(await run(admin, "charity paid 2 2026-Q3"))).toMatchObject({ kind: "error", problem: "nothing_due" });

  expect(await say(admin, "charity paid 1 2026-Q3")).toBe("Recorded: €25.00 for KWF (2026-Q3) is marked paid.");
  now = new Date("2026-11-21T09:00:00Z");
  expect(charity(await run(admin, "charity paid 1 2026-Q3"))).toMatchObject({ kind: "paid", before: true, payout: { amountCents: 25_00 } });
  const adminEmployee = await deps.store.employees.ensure("slack", "UADMIN");
  expect(await db.prisma.charityPayout.findMany()).toEqual([
    { id: 1n, charityId: 1, quarter: "2026-Q3", points: 250, amountCents: 25_00, paidBy: adminEmployee.id, paidAt: new Date("2026-11-20T10:00:00Z") },
  ]);
  expect(await say(admin, "charity report 2026-Q3")).toContain("#1 KWF · 250 points · €25.00 · ✅ paid €25.00 on Nov 20, 2026 by <@UADMIN>");

  // Later changes never move a settled quarter's money: a new pick, a new default, a new rate, the paid
  // charity removed. Q3 still shows KWF's 250 points, paid, and nothing due to anyone else.
  await run(alice, "charity pick 2");
  await run(admin, "charity default 2");
  await run(admin, "charity rate 1");
  await run(admin, "charity remove 1");
  const report = await say(admin, "charity report 2026-Q3");
  expect(report).toContain("#1 KWF · 250 points · €25.00 · ✅ paid");
  expect(report).not.toContain("Oxfam");
  expect(report).toContain("Total: 250 points · €25.00");
});
