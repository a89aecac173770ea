// Console sessions: a person signed in through an identity provider gets a random token for their cookie; the
// database keeps its SHA-256 only. A session ends at sign-out, SESSION_HOURS after sign-in, or after the idle time.
import { createHash, randomBytes } from "node:crypto";
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import { personByVerifiedEmail } from "../accounts";
import type { ConsoleSessionRecord } from "./consoleSessionRepo";

/** However active, a session lasts one working day; then the person signs in again. */
export const SESSION_HOURS = 8;
/** A request refreshes the session's last-seen time at most this often: a page view is not a database write. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionSettings {
  /** Minutes without a request after which a session ends. */
  idleMinutes: number;
}

export interface ConsoleSession {
  employee: Employee;
  csrfToken: string;
  expiresAt: Date;
}

export type SignIn = { ok: true; token: string; session: ConsoleSession } | { ok: false; problem: "unknown_person" };

const randomToken = () => randomBytes(32).toString("base64url");
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** Signs in the person whose chat profile verified this email; someone Advocate does not know gets no session. */
export async function startConsoleSession(deps: Pick<CoreDeps, "store" | "clock">, provider: string, verifiedEmail: string): Promise<SignIn> {
  const employee = await personByVerifiedEmail(deps, verifiedEmail);
  if (!employee || employee.forgottenAt) return { ok: false, problem: "unknown_person" };
  const now = deps.clock.now();
  const token = randomToken();
  const record: ConsoleSessionRecord = {
    tokenHash: hashOf(token),
    employeeId: employee.id,
    csrfToken: randomToken(),
    provider,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
  };
  await deps.store.consoleSessions.create(record);
  return { ok: true, token, session: { employee, csrfToken: record.csrfToken, expiresAt: record.expiresAt } };
}

/** The live session a cookie's token names, or null (unknown, expired, idle too long, or its person is gone). */
export async function consoleSession(deps: Pick<CoreDeps, "store" | "clock">, settings: SessionSettings, token: string): Promise<ConsoleSession | null> {
  const tokenHash = hashOf(token);
  const record = await deps.store.consoleSessions.byTokenHash(tokenHash);
  if (!record) return null;
  const now = deps.clock.now();
  const idleUntil = record.lastSeenAt.getTime() + settings.idleMinutes * 60_000;
  const employee = now < record.expiresAt && now.getTime() < idleUntil ? await deps.store.employees.byId(record.employeeId) : null;
  if (!employee || employee.forgottenAt) {
    await deps.store.consoleSessions.remove(tokenHash);
    return null;
  }
  if (now.getTime() - record.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await deps.store.consoleSessions.touch(tokenHash, now);
  return { employee, csrfToken: record.csrfToken, expiresAt: record.expiresAt };
}

export async function endConsoleSession(deps: Pick<CoreDeps, "store">, token: string): Promise<void> {
  await deps.store.consoleSessions.remove(hashOf(token));
}
