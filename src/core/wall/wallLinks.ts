// Admins make, list and revoke the office screen's links. A link's token is random (256 bits) and shown once, when
// made; only its SHA-256 is stored, so a copy of the database opens no wall. Every change is audited.
import { createHash, randomBytes } from "node:crypto";
import type { CoreDeps } from "../deps";
import { authorisedChange, authoriseView, type Actor, type Refused } from "../policy";
import type { WallLink } from "./wallLinkRepo";

const MAX_LABEL = 80;

type Deps = Pick<CoreDeps, "store" | "clock" | "settings">;

export const hashWallToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

export type WallLinkMade = { ok: true; link: WallLink; token: string } | { ok: false; problem: "bad_label" };

/** `label` names the screen (e.g. "Reception TV"): 1 to 80 characters. */
export function createWallLink(deps: Deps, who: Actor, label: string): Promise<WallLinkMade | Refused> {
  const name = label.trim();
  return authorisedChange<WallLinkMade>(deps, who, "wall.create", { subject: null, detail: name.slice(0, MAX_LABEL) }, async (tx) => {
    if (!name || name.length > MAX_LABEL) return { outcome: { ok: false, problem: "bad_label" }, audit: null };
    const token = randomBytes(32).toString("base64url");
    const link = await tx.wallLinks.create({ tokenHash: hashWallToken(token), label: name, createdBy: who.userId, createdAt: deps.clock.now() });
    return { outcome: { ok: true, link, token }, audit: { subject: wallSubject(link.id), detail: name } };
  });
}

export async function listWallLinks(deps: Deps, who: Actor): Promise<{ ok: true; links: WallLink[] } | Refused> {
  if (!(await authoriseView(deps, who, "wall.list", { subject: null }))) return { ok: false, problem: "not_allowed" };
  return { ok: true, links: await deps.store.wallLinks.list() };
}

/** From now on the link shows nothing; revoking one revoked already, or unknown, changes nothing (`revoked: false`). */
export function revokeWallLink(deps: Deps, who: Actor, id: number): Promise<{ ok: true; revoked: boolean } | Refused> {
  return authorisedChange<{ ok: true; revoked: boolean }>(deps, who, "wall.revoke", { subject: wallSubject(id) }, async (tx) => {
    const revoked = Number.isSafeInteger(id) && (await tx.wallLinks.revoke(id, who.userId, deps.clock.now()));
    return { outcome: { ok: true, revoked }, audit: revoked ? { subject: wallSubject(id) } : null };
  });
}

const wallSubject = (id: number) => `wall:${id}`;
