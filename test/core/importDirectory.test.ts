// HR's directory from CSV: good rows imported (quoted fields, any column order), bad rows reported by row number,
// employees matched by email get their department, and the report counts the directory as the employees known.
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { importDirectory } from "../../src/core/hr/importDirectory";
import { runCommand } from "../../src/core/commands/runCommand";
import type { CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import { coreSettings, memoryDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
const now = new Date("2026-11-20T10:00:00Z");
const HR = { importedBy: "sanne", via: "database" } as const;

beforeAll(async () => {
  db = await memoryDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ adminIds: ["UADMIN"] }),
  };
});
afterAll(async () => {
  await db.close();
});

const CSV = [
  "name,email,department",
  '"de Vries, Sanne",Sanne.deVries@voltaro.example,Customer Success',
  "Priya,priya@voltaro.example,Billing",
  "No Mail,,Billing",
  "",
  "Bad Mail,not-an-email,Billing",
  "Lost,lost@voltaro.example,",
  '"Jan ""JJ"" Jansen",jan@voltaro.example,"Billing"',
].join("\n");

test("good rows are upserted, bad ones reported by row number with the reason; employees get their department", async () => {
  const sanne = await deps.store.employees.ensure("teams", "29:sanne", "Sanne");
  await deps.store.employees.update(sanne.id, { email: "sanne.devries@voltaro.example" });

  expect(await importDirectory(deps, CSV, HR)).toEqual({
    imported: 3,
    problems: [
      { row: 4, reason: "no email" },
      { row: 6, reason: "“not-an-email” is not an email address" },
      { row: 7, reason: "no department" },
    ],
  });
  expect(await db.prisma.directory.findMany({ orderBy: { email: "asc" }, select: { email: true, name: true, department: true } })).toEqual([
    { email: "jan@voltaro.example", name: 'Jan "JJ" Jansen', department: "Billing" },
    { email: "priya@voltaro.example", name: "Priya", department: "Billing" },
    { email: "sanne.devries@voltaro.example", name: "de Vries, Sanne", department: "Customer Success" },
  ]);
  expect((await deps.store.employees.byId(sanne.id))?.department).toBe("Customer Success");

  // A second import updates rows in place.
  expect(await importDirectory(deps, "email,name,department\npriya@voltaro.example,Priya,Support\n", HR)).toEqual({ imported: 1, problems: [] });
  expect(await deps.store.directory.departmentOf("PRIYA@voltaro.example")).toBe("Support");

  // Once imported, the directory is who the report counts as the employees known.
  expect(await runCommand(deps, { surface: "slack", userId: "UADMIN", channelId: "C1" }, "report month billing")).toMatchObject({
    report: { employeesKnown: 1 },
  });
});

test("a file without the columns, or not CSV at all, imports nothing and says why", async () => {
  expect(await importDirectory(deps, "mail,name\nx@y.z,X\n", HR)).toEqual({
    imported: 0,
    problems: [{ row: 1, reason: "the header lacks email, department" }],
  });
  const broken = await importDirectory(deps, 'email,name,department\n"unclosed,X,Y\n', HR);
  expect(broken.imported).toBe(0);
  expect(broken.problems[0]?.reason).toMatch(/^not readable as CSV/);
});

test("a department is counted in any case, and a _ or % in its name is a character, not a wildcard", async () => {
  const csv = ["email,name,department", "a@voltaro.example,A,R_D", "b@voltaro.example,B,r_d", "c@voltaro.example,C,RAD", "d@voltaro.example,D,100%"].join("\n");
  expect(await importDirectory(deps, csv, HR)).toEqual({ imported: 4, problems: [] });
  expect(await deps.store.directory.imported()).toBe(true);
  expect(await deps.store.directory.count("R_D")).toBe(2);
  expect(await deps.store.directory.count("100%")).toBe(1);
  expect(await deps.store.directory.count("100")).toBe(0);
});
