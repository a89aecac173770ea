// Migration 0024 on the duplicates a database held before it: the same work email on a Slack and a Teams employee
// becomes one person (the older), their ledger, follows and charity picks moved, the totals counted once, an audit
// row written; different emails stay different people.
import { connectDatabase, type Database } from "../../src/db/connect";
import { migrate } from "../../src/db/migrate";
import { cutPointTotalsIn } from "../../src/db/pointTotals";

let db: Database;
beforeAll(async () => {
  db = await connectDatabase({ kind: "pglite", dataDir: "memory://" });
  await migrate(db.sql, "0023_reply_drafts");
  await cutPointTotalsIn(db.sql, "Europe/Amsterdam");
});
afterAll(async () => {
  await db.close();
});

const rows = <T>(sql: string) => db.sql.query<T>(sql);

/** Every total the trigger keeps, and the same recomputed from the ledger: equal when nothing is counted twice. */
const totals = () => rows<{ period: string; employeeId: string; points: number }>(`SELECT period, "employeeId", points FROM "PointTotal" ORDER BY 1, 2`);
const ledgerTotals = () =>
  rows<{ period: string; employeeId: string; points: number }>(
    `SELECT period, a."employeeId", sum(a.points)::int AS points
     FROM "PointAward" a, unnest(advocate_point_periods(a."occurredAt", (SELECT zone FROM "PointTotalZone" WHERE id = 1))) AS period
     GROUP BY 1, 2 ORDER BY 1, 2`,
  );

test("the same email on Slack and Teams becomes the older person, with everything of both, counted once", async () => {
  await db.sql.exec(`
    INSERT INTO "Employee" (id, surface, "externalId", email, "communityUsername", "communityUserId", "linkedAt", "createdAt") VALUES
      ('e-ann-slack', 'slack', 'UANN00001', 'ann@voltaro.example', 'ann.old', 11, '2026-01-02', '2026-01-01'),
      ('e-ann-teams', 'teams', '29:ann', 'ann@voltaro.example', 'ann', 12, '2026-02-02', '2026-02-01'),
      ('e-bob-slack', 'slack', 'UBOB00001', 'bob@voltaro.example', NULL, NULL, NULL, '2026-01-01'),
      ('e-cas-teams', 'teams', '29:cas', 'cas@voltaro.example', NULL, NULL, NULL, '2026-01-03'),
      ('e-nomail', 'teams', '29:nomail', NULL, NULL, NULL, NULL, '2026-01-04');
    INSERT INTO "PointAward" ("employeeId", points, reason, "sourceKey", "occurredAt") VALUES
      ('e-ann-slack', 10, 'answer_published', 'a:1', '2026-03-02 10:00'),
      ('e-ann-slack', 5, 'answer_accepted', 'a:2', '2026-04-15 10:00'),
      ('e-ann-teams', 7, 'answer_published', 'a:3', '2026-03-03 10:00'),
      ('e-ann-teams', 3, 'answer_published', 'a:4', '2026-05-20 10:00'),
      ('e-bob-slack', 4, 'answer_published', 'a:5', '2026-03-02 11:00'),
      ('e-cas-teams', 6, 'answer_published', 'a:6', '2026-03-02 12:00');
    INSERT INTO "Follow" ("employeeId", topic) VALUES ('e-ann-slack', 'billing'), ('e-ann-teams', 'billing'), ('e-ann-teams', 'api'), ('e-bob-slack', 'api');
    INSERT INTO "Charity" (id, name, url, "createdBy") VALUES (1, 'KWF', 'https://www.kwf.nl', 'UADMIN001'), (2, 'Oxfam Novib', 'https://www.oxfamnovib.nl', 'UADMIN001');
    INSERT INTO "CharityPick" ("employeeId", "charityId", "pickedAt") VALUES ('e-ann-slack', 1, '2026-01-05'), ('e-ann-teams', 2, '2026-02-05'), ('e-bob-slack', 1, '2026-01-06');
  `);
  const ledgerBefore = await rows<{ employeeId: string; points: number }>(
    `SELECT "employeeId", sum(points)::int AS points FROM "PointAward" GROUP BY 1 ORDER BY 1`,
  );
  expect(ledgerBefore).toEqual([
    { employeeId: "e-ann-slack", points: 15 },
    { employeeId: "e-ann-teams", points: 10 },
    { employeeId: "e-bob-slack", points: 4 },
    { employeeId: "e-cas-teams", points: 6 },
  ]);
  expect(await totals()).toEqual(await ledgerTotals());

  expect(await migrate(db.sql, "0024_one_person")).toEqual(["0024_one_person"]);

  // One person, the older one, for both identities; the others stay who they were.
  expect(await rows(`SELECT id, "communityUsername", "communityUserId" FROM "Employee" ORDER BY id`)).toEqual([
    { id: "e-ann-slack", communityUsername: "ann", communityUserId: 12 },
    { id: "e-bob-slack", communityUsername: null, communityUserId: null },
    { id: "e-cas-teams", communityUsername: null, communityUserId: null },
    { id: "e-nomail", communityUsername: null, communityUserId: null },
  ]);
  expect(await rows(`SELECT surface, "externalId", "employeeId", email FROM "ChatIdentity" ORDER BY 3, 1`)).toEqual([
    { surface: "slack", externalId: "UANN00001", employeeId: "e-ann-slack", email: "ann@voltaro.example" },
    { surface: "teams", externalId: "29:ann", employeeId: "e-ann-slack", email: "ann@voltaro.example" },
    { surface: "slack", externalId: "UBOB00001", employeeId: "e-bob-slack", email: "bob@voltaro.example" },
    { surface: "teams", externalId: "29:cas", employeeId: "e-cas-teams", email: "cas@voltaro.example" },
    { surface: "teams", externalId: "29:nomail", employeeId: "e-nomail", email: null },
  ]);

  // The ledger moved row by row; the totals are the ledger's, nothing summed twice.
  expect(await rows(`SELECT "sourceKey", "employeeId" FROM "PointAward" ORDER BY 1`)).toEqual([
    { sourceKey: "a:1", employeeId: "e-ann-slack" },
    { sourceKey: "a:2", employeeId: "e-ann-slack" },
    { sourceKey: "a:3", employeeId: "e-ann-slack" },
    { sourceKey: "a:4", employeeId: "e-ann-slack" },
    { sourceKey: "a:5", employeeId: "e-bob-slack" },
    { sourceKey: "a:6", employeeId: "e-cas-teams" },
  ]);
  const after = await totals();
  expect(after).toEqual(await ledgerTotals());
  expect(after.filter((row) => row.period === "all")).toEqual([
    { period: "all", employeeId: "e-ann-slack", points: 25 },
    { period: "all", employeeId: "e-bob-slack", points: 4 },
    { period: "all", employeeId: "e-cas-teams", points: 6 },
  ]);
  expect(after.find((row) => row.period === "week:2026-W10" && row.employeeId === "e-ann-slack")?.points).toBe(17);

  // Follows joined (one each), picks kept as history with the latest in force.
  expect(await rows(`SELECT "employeeId", topic FROM "Follow" ORDER BY 1, 2`)).toEqual([
    { employeeId: "e-ann-slack", topic: "api" },
    { employeeId: "e-ann-slack", topic: "billing" },
    { employeeId: "e-bob-slack", topic: "api" },
  ]);
  expect(await rows(`SELECT "employeeId", "charityId" FROM "CharityPick" ORDER BY "pickedAt"`)).toEqual([
    { employeeId: "e-ann-slack", charityId: 1 },
    { employeeId: "e-bob-slack", charityId: 1 },
    { employeeId: "e-ann-slack", charityId: 2 },
  ]);

  // One audit row, with what was kept of two.
  expect(await rows(`SELECT "survivorId", "mergedId", email, reason, conflicts FROM "EmployeeMerge"`)).toEqual([
    {
      survivorId: "e-ann-slack",
      mergedId: "e-ann-teams",
      email: "ann@voltaro.example",
      reason: "migration",
      conflicts: [
        { kind: "community_link", kept: "ann", dropped: "ann.old" },
        { kind: "charity", kept: "Oxfam Novib", dropped: "KWF" },
      ],
    },
  ]);

  // The migrations after it apply on top.
  expect(await migrate(db.sql)).not.toContain("0024_one_person");
});
