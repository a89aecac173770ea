// `hr grant` / `hr revoke`: admins let someone besides ADVOCATE_HR_IDS see reports, or stop them.
import type { CoreDeps } from "../deps";
import type { CommandContext } from "../kernel/commandContext";
import { personIn } from "../kernel/references";

export type HrReply = { kind: "granted" | "already_granted" | "revoked" | "not_granted"; userId: string } | { kind: "bad_user"; detail: string };

/** A mentioned person (a person token), or an id as typed: Slack member id, Entra object id or Teams `29:` id. */
export function parseUserRef(text: string): string | null {
  const mentioned = personIn(text);
  if (mentioned) return mentioned;
  return /^[A-Za-z0-9][A-Za-z0-9:_.-]{1,199}$/.test(text) ? text : null;
}

export async function hrCommand(deps: CoreDeps, ctx: CommandContext, verb: string | undefined, ref: string): Promise<HrReply | null> {
  if (verb !== "grant" && verb !== "revoke") return null;
  const userId = parseUserRef(ref);
  if (!userId) return { kind: "bad_user", detail: ref };
  if (verb === "grant") return { kind: (await deps.store.hr.grant(userId, ctx.userId, deps.clock.now())) ? "granted" : "already_granted", userId };
  return { kind: (await deps.store.hr.revoke(userId)) ? "revoked" : "not_granted", userId };
}
