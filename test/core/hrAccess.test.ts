// Who sees reports: HR by ADVOCATE_HR_IDS, people admins grant, and admins; every view and refusal is audited.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { runCommand } from "../../src/core/commands/runCommand";
import type { CommandContext } from "../../src/core/kernel/commandContext";
import { commandReplyText } from "../../src/chat/shared/commandReplyText";
import { slackMarkup } from "../../src/chat/slack/presenters/slackMarkup";
import { parseUserRef } from "../../src/core/hr/hrGrants";
import type { CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import { coreSettings, memoryDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
const now = new Date("2026-11-20T10:00:00Z");

const admin: CommandContext = { surface: "slack", userId: "UADMIN", channelId: "C1" };
const hr: CommandContext = { surface: "teams", userId: "29:hr-person", channelId: "a:1" };
const alice: CommandContext = { surface: "slack", userId: "UALICE", channelId: "C1" };

const run = (ctx: CommandContext, text: string) => runCommand(deps, ctx, text);
const say = async (ctx: CommandContext, text: string, locale = "en") => commandReplyText(await run(ctx, text), locale, slackMarkup);
const audit = () =>
  db.prisma.reportAudit.findMany({
    orderBy: { id: "asc" },
    select: { userId: true, surface: true, what: true, period: true, department: true, allowed: true, at: true },
  });

beforeAll(async () => {
  db = await memoryDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ hrIds: ["29:hr-person"], adminIds: ["UADMIN"] }),
  };
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await db.sql.exec(`TRUNCATE "ReportAudit", "HrGrant" RESTART IDENTITY`);
});

test("someone who is neither HR nor admin is refused politely, in their language, and the refusal is audited", async () => {
  expect(await run(alice, "charity report 2026-Q3")).toEqual({ type: "charity", charity: { kind: "error", problem: "not_allowed" } });
  expect(await say(alice, "charity report", "nl")).toBe(
    "Sorry, rapporten zijn alleen voor HR en Advocate-beheerders. Een beheerder kan je toegang geven met /advocate hr grant.",
  );
  expect(await audit()).toEqual([
    { userId: "UALICE", surface: "slack", what: "charity", period: "2026-Q3", department: null, allowed: false, at: now },
    { userId: "UALICE", surface: "slack", what: "charity", period: "2026-Q4", department: null, allowed: false, at: now },
  ]);
});

test("HR named in ADVOCATE_HR_IDS and admins see reports, and each view is audited", async () => {
  expect(await run(hr, "charity report 2026-Q3")).toMatchObject({ type: "charity", charity: { kind: "report" } });
  expect(await run(admin, "charity report 2026-Q3")).toMatchObject({ type: "charity", charity: { kind: "report" } });
  expect((await audit()).map((row) => [row.userId, row.surface, row.allowed])).toEqual([
    ["29:hr-person", "teams", true],
    ["UADMIN", "slack", true],
  ]);
});

test("admins grant and revoke access by mention or id; others may not; the grant is what lets a person in", async () => {
  expect(await run(alice, "hr grant @person:UALICE")).toEqual({ type: "error", problem: "not_admin" });
  expect(await db.prisma.hrGrant.count()).toBe(0);

  expect(await say(admin, "hr grant @person:UALICE")).toBe("UALICE may now see reports. Undo with /advocate hr revoke UALICE.");
  expect(await db.prisma.hrGrant.findMany()).toEqual([{ userId: "UALICE", grantedBy: "UADMIN", grantedAt: now }]);
  expect(await run(admin, "hr grant UALICE")).toEqual({ type: "hr", hr: { kind: "already_granted", userId: "UALICE" } });
  expect(await run(alice, "charity report 2026-Q3")).toMatchObject({ type: "charity", charity: { kind: "report" } });

  expect(await run(admin, "hr revoke UALICE")).toEqual({ type: "hr", hr: { kind: "revoked", userId: "UALICE" } });
  expect(await run(admin, "hr revoke UALICE")).toEqual({ type: "hr", hr: { kind: "not_granted", userId: "UALICE" } });
  expect(await run(alice, "charity report 2026-Q3")).toEqual({ type: "charity", charity: { kind: "error", problem: "not_allowed" } });
  expect((await audit()).map((row) => row.allowed)).toEqual([true, false]);

  expect(await say(admin, "hr grant <script>")).toContain("“&lt;script&gt;” is not a person I can grant");
  expect(await run(admin, "hr promote UALICE")).toEqual({ type: "error", problem: "unknown_command", detail: "hr promote" });
});

test("user references: person tokens, Slack ids, Entra object ids and Teams 29: ids", () => {
  expect(parseUserRef("@person:U012AB3CD")).toBe("U012AB3CD");
  expect(parseUserRef("7d3c2b1a-0000-4000-8000-00000000abcd")).toBe("7d3c2b1a-0000-4000-8000-00000000abcd");
  expect(parseUserRef("29:1abc-DEF_x")).toBe("29:1abc-DEF_x");
  expect(parseUserRef("")).toBeNull();
  expect(parseUserRef("#channel:C123")).toBeNull();
  expect(parseUserRef("<@U012AB3CD>")).toBeNull(); // Slack's own syntax never reaches the core
});
