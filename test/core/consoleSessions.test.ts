// Console sessions in the core: a person found by the verified email a chat profile gave; the token never stored,
// only its hash; a session ends 8 hours after sign-in however active, after the idle time without a request, and
// when its person is forgotten. The policy gives the console's roles from the same settings as chat.
import { createHash } from "node:crypto";
import type { Database } from "../../src/db/connect";
import { prismaStore } from "../../src/db/prismaStore";
import { consoleSession, endConsoleSession, startConsoleSession } from "../../src/core/consoleSessions";
import { personAsPrincipal, roleOf } from "../../src/core/policy";
import type { CommunityPort } from "../../src/core/ports";
import type { CoreDeps } from "../../src/core/deps";
import { coreSettings, memoryDatabase } from "../support/coreDeps";

let db: Database;
let deps: CoreDeps;
let now = new Date("2026-11-20T08:00:00Z");
const IDLE = { idleMinutes: 120 };
const MINUTE = 60_000;

beforeAll(async () => {
  db = await memoryDatabase();
  deps = {
    store: prismaStore(db.prisma),
    community: {} as CommunityPort,
    chat: {},
    clock: { now: () => now },
    settings: coreSettings({ hrIds: ["hr@voltaro.example"], adminIds: ["UADMIN"] }),
  };
  const { employees } = deps.store;
  for (const [surface, id, email] of [
    ["slack", "UALICE", "alice@voltaro.example"],
    ["teams", "29:hr", "hr@voltaro.example"],
    ["slack", "UADMIN", "admin@voltaro.example"],
  ] as const) {
    await employees.ensure(surface, id, id);
    await employees.recordIdentityEmail(surface, id, email, now);
  }
});
afterAll(async () => {
  await db.close();
});

const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * MINUTE);
};

test("a verified email signs its person in (any case); the database holds the token's hash, not the token", async () => {
  const signIn = await startConsoleSession(deps, "slack", "Alice@Voltaro.example");
  if (!signIn.ok) throw new Error("no session");
  expect(signIn.session.employee.externalId).toBe("UALICE");
  const rows = await db.prisma.consoleSession.findMany();
  expect(rows.map((row) => row.tokenHash)).toEqual([createHash("sha256").update(signIn.token).digest("hex")]);
  expect(JSON.stringify(rows)).not.toContain(signIn.token);
  expect((await consoleSession(deps, IDLE, signIn.token))?.employee.externalId).toBe("UALICE");
  expect(await consoleSession(deps, IDLE, `${signIn.token}x`)).toBeNull();
  await endConsoleSession(deps, signIn.token);
  expect(await consoleSession(deps, IDLE, signIn.token)).toBeNull();
});

test("an email no chat profile gave signs no one in", async () => {
  expect(await startConsoleSession(deps, "entra", "stranger@elsewhere.example")).toEqual({ ok: false, problem: "unknown_person" });
});

test("a session ends after the idle time without a request, and 8 hours after sign-in however active", async () => {
  const idle = await startConsoleSession(deps, "slack", "alice@voltaro.example");
  const active = await startConsoleSession(deps, "slack", "alice@voltaro.example");
  if (!idle.ok || !active.ok) throw new Error("no session");
  for (let hour = 1; hour < 8; hour++) {
    later(59);
    expect(await consoleSession(deps, IDLE, active.token)).not.toBeNull();
    later(1);
  }
  expect(await consoleSession(deps, IDLE, idle.token)).toBeNull();
  later(59);
  expect(await consoleSession(deps, IDLE, active.token)).not.toBeNull();
  later(1);
  expect(await consoleSession(deps, IDLE, active.token)).toBeNull();
  // Ended sessions are gone from the database, not only refused.
  expect(await db.prisma.consoleSession.count()).toBe(0);
});

test("a forgotten person's session ends", async () => {
  const signIn = await startConsoleSession(deps, "slack", "alice@voltaro.example");
  if (!signIn.ok) throw new Error("no session");
  await db.prisma.employee.updateMany({ where: { externalId: "UALICE" }, data: { forgottenAt: now } });
  expect(await consoleSession(deps, IDLE, signIn.token)).toBeNull();
  await db.prisma.employee.updateMany({ where: { externalId: "UALICE" }, data: { forgottenAt: null } });
});

test("roles come from the same settings as chat: HR named by email, admins by chat id", async () => {
  const role = async (email: string) => {
    const signIn = await startConsoleSession(deps, "entra", email);
    if (!signIn.ok) throw new Error("no session");
    return roleOf(deps, await personAsPrincipal(deps, signIn.session.employee));
  };
  expect(await role("alice@voltaro.example")).toBe("employee");
  expect(await role("hr@voltaro.example")).toBe("hr");
  expect(await role("admin@voltaro.example")).toBe("admin");
});
