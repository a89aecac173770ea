// The office screen's links: made, listed and revoked by admins (audited), the token shown once and only its hash
// kept; the wall a link opens (the month's leaderboard with hidden people as "a colleague", the quarter's donations
// so far, the latest customer story), and nothing for a token unknown or revoked.
import { createHash } from "node:crypto";
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import type { CoreDeps } from "../../src/core/deps";
import type { CommunityPort } from "../../src/core/ports";
import { createWallLink, listWallLinks, revokeWallLink, wallFor } from "../../src/core/wall";
import { coreSettings, freshDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
const now = new Date("2026-11-20T10:00:00Z");
const admin = { surface: "slack", userId: "UADMIN" };
const employee = { surface: "slack", userId: "UANN" };

beforeAll(async () => {
  db = await freshDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ adminIds: ["UADMIN"] }),
  };
  const ann = await deps.store.employees.ensure("slack", "UANN", "Ann");
  const bob = await deps.store.employees.ensure("slack", "UBOB", "Bob");
  await db.prisma.employee.update({ where: { id: bob.id }, data: { hiddenOnLeaderboards: true } });
  const award = (employeeId: string, points: number, key: string, at: string) =>
    deps.store.ledger.award({ employeeId, points, reason: "answer_published", sourceKey: key, occurredAt: new Date(at) });
  await award(ann.id, 30, "a1", "2026-11-03T10:00:00Z");
  await award(bob.id, 50, "b1", "2026-11-04T10:00:00Z");
  // Last month: in the quarter's donations, not on the month's leaderboard.
  await award(ann.id, 20, "a0", "2026-10-15T10:00:00Z");
  const kwf = await deps.store.charities.add({ name: "KWF", url: "https://www.kwf.nl/", createdBy: "UADMIN" });
  await deps.store.charities.setTerms({ defaultCharityId: kwf.id, microEurosPerPoint: 100_000 }, "UADMIN", new Date("2026-10-01T00:00:00Z"));
  await db.prisma.question.create({
    data: {
      community: "c",
      topicId: 7,
      title: "Factuur dubbel betaald",
      bodyText: "Ik heb twee keer betaald, kan ik mijn geld terugkrijgen?",
      authorName: "Klant K.",
      url: "https://c/t/7",
      postedAt: new Date("2026-11-18T09:00:00Z"),
      status: "answered",
      answeredBy: "Ann",
      answeredUrl: "https://c/t/7/2",
      kind: "question",
    },
  });
});
afterAll(() => db.close());

test("an admin's link opens the wall: the month's leaders, hidden people without name or id, donations, a story", async () => {
  const made = await createWallLink(deps, admin, "  Reception TV ");
  if (!made.ok) throw new Error("not made");
  expect(made.link).toMatchObject({ label: "Reception TV", createdBy: "UADMIN", createdAt: now, revokedAt: null });
  // Only the hash is kept.
  const row = await db.prisma.wallLink.findUniqueOrThrow({ where: { id: made.link.id } });
  expect(row.tokenHash).toBe(createHash("sha256").update(made.token).digest("hex"));
  expect(JSON.stringify(row)).not.toContain(made.token);
  expect(made.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const wall = await wallFor(deps, made.token);
  expect(wall).toEqual({
    ok: true,
    label: "Reception TV",
    month: [
      { rank: 1, name: null, points: 50 },
      { rank: 2, name: "Ann", points: 30 },
    ],
    // 100 points at EUR 0.10, all to the default charity.
    donations: { quarter: "2026-Q4", points: 100, dueCents: 1000, perCharity: [{ charity: "KWF", points: 100, dueCents: 1000 }] },
    story: expect.objectContaining({ title: "Factuur dubbel betaald", url: "https://c/t/7", customer: "Klant K.", helper: "Ann", reason: "recently_answered" }),
  });
  expect(JSON.stringify(wall)).not.toMatch(/UBOB|UANN/);
  expect((await db.prisma.wallLink.findUniqueOrThrow({ where: { id: made.link.id } })).lastSeenAt).toEqual(now);
});

test("an unknown, empty or revoked token opens nothing; revoking is for admins and audited", async () => {
  const made = await createWallLink(deps, admin, "Canteen");
  if (!made.ok) throw new Error("not made");
  expect(await wallFor(deps, "not-a-token")).toEqual({ ok: false, problem: "not_found" });
  expect(await wallFor(deps, "")).toEqual({ ok: false, problem: "not_found" });

  expect(await revokeWallLink(deps, employee, made.link.id)).toEqual({ ok: false, problem: "not_allowed" });
  expect(await wallFor(deps, made.token)).toMatchObject({ ok: true });
  expect(await revokeWallLink(deps, admin, made.link.id)).toEqual({ ok: true, revoked: true });
  expect(await revokeWallLink(deps, admin, made.link.id)).toEqual({ ok: true, revoked: false });
  expect(await wallFor(deps, made.token)).toEqual({ ok: false, problem: "not_found" });

  const listed = await listWallLinks(deps, admin);
  expect(listed.ok && listed.links.map(({ label, revokedAt, revokedBy }) => ({ label, revokedAt, revokedBy }))).toEqual([
    { label: "Canteen", revokedAt: now, revokedBy: "UADMIN" },
    { label: "Reception TV", revokedAt: null, revokedBy: null },
  ]);
  expect(JSON.stringify(listed)).not.toContain("tokenHash");
});

test("links are for admins; a label must be there and short; every change and refusal is audited", async () => {
  await db.prisma.actionAudit.deleteMany();
  const links = await db.prisma.wallLink.count();
  expect(await createWallLink(deps, employee, "My screen")).toEqual({ ok: false, problem: "not_allowed" });
  expect(await listWallLinks(deps, employee)).toEqual({ ok: false, problem: "not_allowed" });
  expect(await createWallLink(deps, admin, "   ")).toEqual({ ok: false, problem: "bad_label" });
  expect(await createWallLink(deps, admin, "x".repeat(81))).toEqual({ ok: false, problem: "bad_label" });
  expect(await db.prisma.wallLink.count()).toBe(links);
  const made = await createWallLink(deps, admin, "Hall");
  const id = made.ok ? made.link.id : 0;
  await revokeWallLink(deps, admin, id);
  expect(
    (await db.prisma.actionAudit.findMany({ orderBy: { id: "asc" } })).map(({ action, userId, subject, detail, allowed }) => [
      action,
      userId,
      subject,
      detail,
      allowed,
    ]),
  ).toEqual([
    ["wall.create", "UANN", null, "My screen", false],
    ["wall.list", "UANN", null, null, false],
    ["wall.create", "UADMIN", `wall:${id}`, "Hall", true],
    ["wall.revoke", "UADMIN", `wall:${id}`, null, true],
  ]);
});
