// Routing rules as the console changes them: edit (same words as `route add`, nothing half-written on bad words),
// the preview over the last questions taken in (through the matcher that routes), and the audit of every change
// and refusal.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import type { CoreDeps } from "../../src/core/deps";
import type { CommunityPort } from "../../src/core/ports";
import { addRule, editRule, listRules, previewRule, removeRule } from "../../src/core/routing";
import { runCommand } from "../../src/core/commands/runCommand";
import { coreSettings, freshDatabase } from "../support/coreDeps";
import { seedIntake } from "../support/intake";

let db: Database;
let deps: CoreDeps;
const now = new Date("2026-11-20T10:00:00Z");
const admin = { surface: "slack", userId: "UADMIN" };
const employee = { surface: "slack", userId: "UEMP" };
const where = { surface: "slack", channelId: "CSUPPORT" };

beforeAll(async () => {
  db = await freshDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ adminIds: ["UADMIN"] }),
  };
  // 104 questions taken in, one a minute: the oldest four fall outside the last 100.
  await seedIntake(db.prisma, now.getTime(), 200, { name: "c", baseUrl: "https://c" });
});

afterAll(() => db.close());

const audits = () => db.prisma.actionAudit.findMany({ orderBy: { id: "asc" } });

test("the preview runs the rule over the last 100 questions taken in and names the newest matches", async () => {
  const preview = await previewRule(deps, admin, { spec: "tag:billing lang:nl", ...where });
  // Topics 10, 20 … 100 are billing; 104..5 are the last hundred, so all ten are in it.
  expect(preview).toEqual({
    ok: true,
    matched: 10,
    lookedAt: 100,
    examples: [100, 90, 80, 70, 60].map((id) => ({ title: `Factuur ${id} klopt niet`, url: `https://c/t/${id}` })),
  });
  // The same matcher as routing: a keyword in the body counts, a language the question does not have does not.
  expect(await previewRule(deps, admin, { spec: "keyword:export_button", ...where })).toMatchObject({ matched: 90 });
  expect(await previewRule(deps, admin, { spec: "keyword:export_button lang:nl", ...where })).toMatchObject({ matched: 0 });
  expect(await previewRule(deps, admin, { spec: "priority:5", ...where })).toEqual({ ok: false, problem: "bad_rule", detail: "no criteria" });
});

test("an admin edits a rule; bad words or an unknown rule change nothing", async () => {
  const added = await addRule(deps, admin, { spec: "tag:billing priority:10", ...where });
  if (!added.ok) throw new Error("not added");
  const id = added.rule.id;
  const before = await db.prisma.routingRule.findUniqueOrThrow({ where: { id }, include: { targets: true } });

  expect(await editRule(deps, admin, id, { spec: "tag:billing promise:banana", ...where })).toEqual({
    ok: false,
    problem: "bad_rule",
    detail: "promise:banana",
  });
  expect(await editRule(deps, admin, id, { spec: "tag:billing escalate:here", ...where })).toEqual({
    ok: false,
    problem: "bad_rule",
    detail: "escalate without promise",
  });
  expect(await editRule(deps, admin, 9999, { spec: "tag:billing", ...where })).toEqual({ ok: false, problem: "no_such_rule" });
  expect(await db.prisma.routingRule.findUniqueOrThrow({ where: { id }, include: { targets: true } })).toEqual(before);

  const edited = await editRule(deps, admin, id, { spec: "keyword:factuur lang:nl priority:3 promise:4h escalate:here", ...where });
  expect(edited).toEqual({
    ok: true,
    rule: expect.objectContaining({
      id,
      categories: [],
      tags: [],
      keywords: ["factuur"],
      languages: ["nl"],
      priority: 3,
      promiseMinutes: 240,
      escalateSurface: "slack",
      escalateKind: "channel",
      escalateTo: "CSUPPORT",
      targets: [{ surface: "slack", channelId: "CSUPPORT" }],
    }),
  });
  // Naming a channel makes it the rule's only one; taking the promise away takes its escalation too.
  const moved = await editRule(deps, admin, id, { spec: "#channel:CBILLING keyword:factuur", ...where });
  expect(moved).toMatchObject({ ok: true, rule: { promiseMinutes: null, escalateTo: null, targets: [{ surface: "slack", channelId: "CBILLING" }] } });

  const listed = await listRules(deps, admin);
  expect(listed.ok && listed.rules.map((rule) => rule.id)).toEqual([id]);
  expect(await removeRule(deps, admin, id)).toEqual({ ok: true, removed: true });
  expect(await removeRule(deps, admin, id)).toEqual({ ok: true, removed: false });

  // Every change that happened is audited with the words as asked; bad words and missing rules left no row.
  const changes = (await audits()).filter((row) => row.action !== "routing.preview" && row.action !== "routing.list");
  expect(changes.map(({ action, subject, detail, allowed }) => ({ action, subject, detail, allowed }))).toEqual([
    { action: "routing.add", subject: `rule:${id}`, detail: "tag:billing priority:10", allowed: true },
    { action: "routing.edit", subject: `rule:${id}`, detail: "keyword:factuur lang:nl priority:3 promise:4h escalate:here", allowed: true },
    { action: "routing.edit", subject: `rule:${id}`, detail: "#channel:CBILLING keyword:factuur", allowed: true },
    { action: "routing.remove", subject: `rule:${id}`, detail: null, allowed: true },
  ]);
});

test("someone who is not an admin is refused every rule action, and the refusal is audited", async () => {
  await db.prisma.actionAudit.deleteMany();
  const rules = await db.prisma.routingRule.count();
  expect(await addRule(deps, employee, { spec: "tag:x", ...where })).toEqual({ ok: false, problem: "not_allowed" });
  expect(await editRule(deps, employee, 1, { spec: "tag:x", ...where })).toEqual({ ok: false, problem: "not_allowed" });
  expect(await removeRule(deps, employee, 1)).toEqual({ ok: false, problem: "not_allowed" });
  expect(await previewRule(deps, employee, { spec: "tag:x", ...where })).toEqual({ ok: false, problem: "not_allowed" });
  expect(await listRules(deps, employee)).toEqual({ ok: false, problem: "not_allowed" });
  expect(await db.prisma.routingRule.count()).toBe(rules);
  expect((await audits()).map(({ action, userId, allowed }) => [action, userId, allowed])).toEqual([
    ["routing.add", "UEMP", false],
    ["routing.edit", "UEMP", false],
    ["routing.remove", "UEMP", false],
    ["routing.preview", "UEMP", false],
    ["routing.list", "UEMP", false],
  ]);
});

test("chat's `route add` and `route remove` run the same use cases, audited alike", async () => {
  await db.prisma.actionAudit.deleteMany();
  const reply = await runCommand(deps, { surface: "slack", userId: "UADMIN", channelId: "CSALES" }, "route add tag:pricing");
  expect(reply).toMatchObject({ type: "rule_added", merged: false, rule: { tags: ["pricing"], targets: [{ surface: "slack", channelId: "CSALES" }] } });
  const id = reply.type === "rule_added" ? reply.rule.id : 0;
  expect(await runCommand(deps, { surface: "slack", userId: "UADMIN", channelId: "CSALES" }, `route remove ${id}`)).toEqual({
    type: "rule_removed",
    id,
    removed: true,
  });
  expect((await audits()).map(({ action, subject }) => [action, subject])).toEqual([
    ["routing.add", `rule:${id}`],
    ["routing.remove", `rule:${id}`],
  ]);
});
