// The admins' pages over real HTTP with signed-in sessions: a routing rule edited after its preview (the preview's
// figure right for the questions taken in, the edit saved and audited), bad words refused with nothing saved, a rule
// added and removed; point rules and story schedules changed; a given-up outbox item (given up by the real worker)
// retried and then run by the app's worker; the audit log showing all of it. HR and employees get 403 on every
// admin page and form (audited); a form without the CSRF token writes nothing.
import { PermanentError } from "../../src/core/kernel/errors";
import { addRule } from "../../src/core/routing";
import { CONSOLE_ROUTES } from "../../src/console/routes";
import { ADMIN, EMPLOYEE, HR, seedPeople, sessionOf, startConsoleApp, type ConsoleFixture } from "../support/console";
import { seedIntake } from "../support/intake";
import { testWorker } from "../support/outboxWorker";

let fixture: ConsoleFixture;
let admin: { cookie: string; csrf: string };
let billingRule: number;
const now = new Date();
const form = { "content-type": "application/x-www-form-urlencoded" };
const adminWho = { surface: ADMIN.surface, userId: ADMIN.id };

beforeAll(async () => {
  fixture = await startConsoleApp();
  await seedPeople(fixture.app);
  const { employees } = fixture.app.deps.store;
  await employees.ensure(ADMIN.surface, ADMIN.id, ADMIN.name);
  await employees.recordIdentityEmail(ADMIN.surface, ADMIN.id, ADMIN.email, now);
  // 104 questions taken in, one a minute: the oldest four fall outside the last 100; every tenth is about billing.
  await seedIntake(fixture.app.db.prisma, now.getTime(), 200);
  const added = await addRule(fixture.app.deps, adminWho, { spec: "tag:billing", surface: "slack", channelId: "CSUPPORT" });
  if (!added.ok) throw new Error("rule not added");
  billingRule = added.rule.id;
  // A Teams channel Advocate knows by name, as Teams' installation remembers it.
  await fixture.app.deps.store.addresses.save("teams", "channel", "19:nl@thread.tacv2", {
    serviceUrl: "https://smba.test",
    tenantId: "t",
    name: "Klantvragen NL",
  });
  await addRule(fixture.app.deps, adminWho, { spec: "lang:nl priority:50", surface: "teams", channelId: "19:nl@thread.tacv2" });
  admin = await sessionOf(fixture, "slack", { email: ADMIN.email, name: ADMIN.name });
});
afterAll(async () => {
  await fixture.app.stop();
  await fixture.slack.close();
  await fixture.entra.close();
});

const get = (path: string, cookie = admin.cookie) => fetch(`${fixture.url}${path}`, { headers: { cookie }, redirect: "manual" });
const post = (path: string, fields: Record<string, string>, session: { cookie: string; csrf?: string } = admin) =>
  fetch(`${fixture.url}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { ...form, cookie: session.cookie },
    body: new URLSearchParams({ ...fields, ...(session.csrf ? { csrf: session.csrf } : {}) }).toString(),
  });
const rule = (id: number) => fixture.app.db.prisma.routingRule.findUnique({ where: { id }, include: { targets: true } });
const actions = () => fixture.app.db.prisma.actionAudit.findMany({ orderBy: { id: "asc" } });
/** The page's text without markup and with entities read, for what a reader sees. */
const textOf = async (response: Response) =>
  (await response.text())
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("routing rules", () => {
  test("the list names the channels as chat does, with each rule's words and priority", async () => {
    const page = await get("/routing");
    expect(page.status).toBe(200);
    const text = await textOf(page);
    expect(text).toContain(`${billingRule} tag:billing CSUPPORT (a slack channel) 100`);
    expect(text).toContain("lang:nl #Klantvragen NL 50");
    expect(text).toContain("No fallback channel");
  });

  test("an admin edits a rule after its preview: the preview counts the latest 100 topics, the save is audited", async () => {
    const edit = await (await get(`/routing/${billingRule}`)).text();
    expect(edit).toContain('value="tag:billing priority:100"');
    expect(edit).not.toContain('formaction="/console/routing/save"');
    const fields = { id: String(billingRule), words: "tag:billing lang:nl priority:10", surface: "slack", channel: "", home: "CSUPPORT" };

    const preview = await post("/routing/preview", fields);
    expect(preview.status).toBe(200);
    const shown = await preview.text();
    // Topics 10, 20 … 100 are billing and Dutch: all ten are among the last hundred (5 … 104).
    expect(shown).toContain("This rule would have matched 10 of the last 100 topics.");
    expect(shown).toContain('<a href="https://community.voltaro.example/t/100">Factuur 100 klopt niet</a>');
    expect(shown).toContain('formaction="/console/routing/save"');
    // A preview saves nothing.
    expect(await rule(billingRule)).toMatchObject({ languages: [], priority: 100 });

    const saved = await post("/routing/save", fields);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/console/routing?saved=${billingRule}`);
    expect(await rule(billingRule)).toMatchObject({
      tags: ["billing"],
      languages: ["nl"],
      priority: 10,
      targets: [{ surface: "slack", channelId: "CSUPPORT" }],
    });
    expect((await actions()).filter((row) => row.action === "routing.edit")).toEqual([
      expect.objectContaining({ userId: ADMIN.id, surface: "slack", subject: `rule:${billingRule}`, detail: "tag:billing lang:nl priority:10", allowed: true }),
    ]);
    expect(await textOf(await get(`/routing?saved=${billingRule}`))).toContain(`Rule #${billingRule} is saved.`);
  });

  test("bad words get chat's message and nothing is saved, in the preview and in the save", async () => {
    const before = await rule(billingRule);
    const auditsBefore = (await actions()).length;
    const fields = { id: String(billingRule), words: "tag:billing promise:banana", surface: "slack", channel: "", home: "CSUPPORT" };
    for (const path of ["/routing/preview", "/routing/save"]) {
      const refused = await post(path, fields);
      expect(refused.status).toBe(400);
      const text = await textOf(refused);
      expect(text).toContain("I couldn't read “promise:banana”. Example: /advocate route add #billing tag:invoice lang:nl");
      expect(text).not.toContain("would have matched");
    }
    const noChannel = await post("/routing/save", { words: "tag:refunds", surface: "slack", channel: "" });
    expect(noChannel.status).toBe(400);
    expect(await textOf(noChannel)).toContain("A new rule needs the channel its questions go to. Nothing was saved.");
    expect(await rule(billingRule)).toEqual(before);
    expect(await fixture.app.db.prisma.routingRule.count()).toBe(2);
    // Only the previews' views were audited: no change.
    expect((await actions()).slice(auditsBefore).map((row) => row.action)).toEqual(["routing.preview"]);
  });

  test("a rule added after its preview, then removed", async () => {
    const fields = { words: "keyword:export_button", surface: "slack", channel: "CREPORTS" };
    expect(await textOf(await post("/routing/preview", fields))).toContain("This rule would have matched 90 of the last 100 topics.");
    const saved = await post("/routing/save", fields);
    expect(saved.status).toBe(303);
    const id = Number(new URL(saved.headers.get("location")!, fixture.url).searchParams.get("saved"));
    expect(await rule(id)).toMatchObject({ keywords: ["export button"], targets: [{ surface: "slack", channelId: "CREPORTS" }] });

    const removed = await post(`/routing/${id}/remove`, {});
    expect(removed.status).toBe(303);
    expect(await rule(id)).toBeNull();
    expect((await actions()).filter((row) => row.action === "routing.remove").map((row) => row.subject)).toEqual([`rule:${id}`]);
    expect((await post(`/routing/${id}/remove`, {})).status).toBe(404);
  });
});

describe("point rules and story schedules", () => {
  test("a point rule changed through chat's use case, audited; a bad value changes nothing", async () => {
    expect(await textOf(await get("/point-rules"))).toContain("daily_cap points one person earns per day, at most");
    const bad = await post("/point-rules", { rule: "daily_cap", value: "-2" });
    expect(bad.status).toBe(400);
    expect(await textOf(bad)).toContain("“-2” is not a number of points");
    expect(await fixture.app.deps.store.pointRules.all()).toEqual({});

    const saved = await post("/point-rules", { rule: "daily_cap", value: "150" });
    expect(saved.status).toBe(303);
    expect(await fixture.app.deps.store.pointRules.all()).toEqual({ daily_cap: 150 });
    expect(await (await get("/point-rules?saved=daily_cap")).text()).toContain("daily_cap is now 150.");
    expect((await actions()).filter((row) => row.action === "points.set")).toEqual([
      expect.objectContaining({ userId: ADMIN.id, subject: "point_rule:daily_cap", detail: "150", allowed: true }),
    ]);
  });

  test("every channel's story schedules, and stopping one", async () => {
    const { storySchedules } = fixture.app.deps.store;
    const kept = await storySchedules.add({
      surface: "teams",
      channelId: "19:nl@thread.tacv2",
      days: ["mon", "wed"],
      time: "09:00",
      timezone: "Europe/Amsterdam",
      createdBy: "x",
    });
    const stopped = await storySchedules.add({
      surface: "slack",
      channelId: "CSALES",
      days: ["fri"],
      time: "16:30",
      timezone: "Europe/Amsterdam",
      createdBy: "x",
    });
    const text = await textOf(await get("/stories"));
    expect(text).toContain(`${kept.id} #Klantvragen NL Monday, Wednesday 09:00 (Europe/Amsterdam)`);
    expect(text).toContain(`${stopped.id} CSALES (a slack channel) Friday 16:30 (Europe/Amsterdam)`);

    expect((await post(`/stories/${stopped.id}/remove`, {})).status).toBe(303);
    expect((await storySchedules.list()).map((schedule) => schedule.id)).toEqual([kept.id]);
    expect((await actions()).filter((row) => row.action === "stories.remove").map((row) => row.subject)).toEqual([`story_schedule:${stopped.id}`]);
  });
});

describe("operations", () => {
  test("a given-up item shows its redacted error; Retry puts it back and the app's worker runs it", async () => {
    const { app } = fixture;
    await app.deps.store.outbox.enqueue({ kind: "claims.expire" }, { lane: "slack:channel:CGONE" });
    // Given up by the real worker, as the app's would after a permanent failure.
    const failing = testWorker(app.db, {
      handle: () => Promise.reject(new PermanentError("An API error occurred: not_in_channel (Authorization: Bearer xoxb-1111-2222-secretsecret)")),
    });
    try {
      await failing.drain();
    } finally {
      await failing.stop();
    }
    const item = await app.db.prisma.outboxItem.findFirstOrThrow({ where: { lane: "slack:channel:CGONE" } });
    expect(item.status).toBe("dead");

    const page = await get("/operations");
    expect(page.status).toBe(200);
    const html = await page.text();
    const text = await textOf(new Response(html));
    expect(text).toContain(`Ready: the database (${app.db.kind}) answers and every migration is applied.`);
    expect(text).toContain("slack:channel:CGONE 0 0 1");
    expect(text).toContain("An API error occurred: not_in_channel (Authorization: Bearer [redacted])");
    expect(html).not.toContain("secretsecret");
    expect(html).toContain(`action="/console/operations/outbox/${item.id}/retry"`);
    expect(text).toContain("discourse: none in the last");

    const retried = await post(`/operations/outbox/${item.id}/retry`, {});
    expect(retried.status).toBe(303);
    expect(retried.headers.get("location")).toBe(`/console/operations?retried=${item.id}`);
    expect(await app.db.prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "pending", attempts: 0 });
    await app.drain();
    expect(await app.db.prisma.outboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ status: "done" });
    expect((await actions()).filter((row) => row.action === "outbox.retry")).toEqual([
      expect.objectContaining({ userId: ADMIN.id, subject: `outbox:${item.id}`, allowed: true }),
    ]);
    // Done now: not given up, so not retried again.
    expect((await post(`/operations/outbox/${item.id}/retry`, {})).status).toBe(409);
  });
});

describe("who may", () => {
  const adminRoutes = CONSOLE_ROUTES.filter((route) => route.access === "admin");
  const concrete = (path: string) => path.replace(/:id/g, String(billingRule));

  test("the admin pages are the ones the route table gives admins", () => {
    expect(adminRoutes.map((route) => `${route.method} ${route.path}`)).toEqual([
      "GET /routing",
      "GET /routing/:id",
      "POST /routing/preview",
      "POST /routing/save",
      "POST /routing/:id/remove",
      "GET /point-rules",
      "POST /point-rules",
      "GET /stories",
      "POST /stories/:id/remove",
      "GET /audit",
      "GET /operations",
      "POST /operations/outbox/:id/retry",
      "GET /wall-links",
      "POST /wall-links",
      "POST /wall-links/:id/revoke",
    ]);
  });

  test.each([
    ["an employee", EMPLOYEE, "slack"],
    ["HR", HR, "entra"],
  ] as const)("%s gets 403 on every admin page and form, each refusal audited, nothing changed", async (_who, person, provider) => {
    const session = await sessionOf(fixture, provider, { email: person.email, name: person.name });
    const rulesBefore = await fixture.app.db.prisma.routingRule.findMany({ include: { targets: true }, orderBy: { id: "asc" } });
    const refusalsBefore = await fixture.app.db.prisma.reportAudit.count({ where: { allowed: false } });
    const fields = { id: String(billingRule), words: "tag:stolen", surface: "slack", channel: "CEVIL", home: "CSUPPORT", rule: "daily_cap", value: "1" };
    for (const route of adminRoutes) {
      const response = route.method === "GET" ? await get(concrete(route.path), session.cookie) : await post(concrete(route.path), fields, session);
      expect([`${route.method} ${route.path}`, response.status]).toEqual([`${route.method} ${route.path}`, 403]);
      expect(await response.text()).toContain("This page is not for your role. The attempt was recorded.");
    }
    const refusals = await fixture.app.db.prisma.reportAudit.findMany({ where: { allowed: false }, orderBy: { id: "asc" }, skip: refusalsBefore });
    expect(refusals.map((row) => row.what)).toEqual(adminRoutes.map((route) => `console ${route.method} ${route.path}`));
    expect(await fixture.app.db.prisma.routingRule.findMany({ include: { targets: true }, orderBy: { id: "asc" } })).toEqual(rulesBefore);
    expect(await fixture.app.deps.store.pointRules.all()).toEqual({ daily_cap: 150 });
    // Their navigation offers none of it.
    expect(await (await get("/leaderboard", session.cookie)).text()).not.toContain("/console/routing");
  });

  test("an admin's form without the CSRF token: 403 and nothing written", async () => {
    const before = { rule: await rule(billingRule), audits: (await actions()).length, items: await fixture.app.db.prisma.outboxItem.findMany() };
    const noToken = { cookie: admin.cookie };
    const fields = { id: String(billingRule), words: "tag:forged", surface: "slack", channel: "CEVIL", home: "CSUPPORT" };
    for (const path of ["/routing/save", `/routing/${billingRule}/remove`, "/point-rules", `/operations/outbox/${before.items[0]?.id ?? 1}/retry`]) {
      const response = await post(path, { ...fields, rule: "daily_cap", value: "1" }, noToken);
      expect([path, response.status]).toEqual([path, 403]);
    }
    expect(await rule(billingRule)).toEqual(before.rule);
    expect((await actions()).length).toBe(before.audits);
    expect(await fixture.app.deps.store.pointRules.all()).toEqual({ daily_cap: 150 });
  });
});

describe("the audit log", () => {
  test("shows the admins' changes, the refusals and report views, newest first; reading it is audited", async () => {
    const page = await get("/audit");
    expect(page.status).toBe(200);
    const text = await textOf(page);
    for (const action of ["routing.edit", "routing.remove", "points.set", "stories.remove", "outbox.retry", "operations.view"]) expect(text).toContain(action);
    expect(text).toContain(`${ADMIN.name} (${ADMIN.id}) Admin action outbox.retry`);
    expect(text).toContain(`${EMPLOYEE.name} (${EMPLOYEE.id}) Report view console GET /routing`);
    expect(text).toContain("No, refused");
    // Newest first: the last refusals (HR's, then the employee's before them) come before the retry.
    expect(text.indexOf("console POST /operations/outbox/:id/retry")).toBeLessThan(text.indexOf("outbox.retry"));
    expect(text.indexOf("outbox.retry")).toBeLessThan(text.indexOf("routing.edit"));
    expect((await actions()).at(-1)).toMatchObject({ action: "audit.view", detail: "page 1", userId: ADMIN.id, allowed: true });
    // 50 a page: the rest on an older one, which links back. Last month's report views fill the log past a page.
    const { prisma } = fixture.app.db;
    const lastMonth = new Date(now.getTime() - 30 * 86_400_000);
    for (let n = 0; n < 20; n++)
      await fixture.app.deps.store.hr.audit({
        userId: HR.id,
        surface: HR.surface,
        what: "report",
        period: "2026-Q3",
        department: null,
        allowed: true,
        at: lastMonth,
      });
    const first = await textOf(await get("/audit"));
    const rows =
      (await prisma.reportAudit.count()) + (await prisma.actionAudit.count()) + (await prisma.privacyAudit.count()) + (await prisma.charityPayout.count());
    expect(rows).toBeGreaterThan(50);
    expect(first).toContain("Older");
    const older = await textOf(await get("/audit?page=2"));
    expect(older).toContain("Newer");
    expect(older).not.toContain("Older");
    // The page 2 view itself is in the log, newest: one more row pushed to page 2.
    expect(older.match(/ (Admin action|Report view|Privacy|Payment) /g)).toHaveLength(rows + 1 - 50);
    expect(older).toContain(`${HR.name} (${HR.id}) Report view report 2026-Q3 Yes`);
  });
});
