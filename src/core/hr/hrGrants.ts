// `hr grant` / `hr revoke`: admins let someone besides ADVOCATE_HR_IDS see reports, or stop them.
import type { CoreDeps } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import { personIn } from "../kernel/references";

export type HrReply = { kind: "granted" | "already_granted" | "revoked" | "not_granted"; userId: string } | { kind: "bad_user"; detail: string };

/** A mentioned person (a person token), or an id as typed: Slack member id, Entra object id or Teams `29:` id. */
export function parseUserRef(text: string): string | null {
  const mentioned = personIn(text);
  if (mentioned) return mentioned;
  return /^[A-Za-z0-9][A-Za-z0-9:_.-]{1,199}$/.test(text) ? text : null;
}

export type HrCommandReply = { type: "hr"; hr: HrReply } | CommandError<"unknown_command">;

export async function hrCommand(deps: Pick<CoreDeps, "store" | "clock">, ctx: CommandContext, [sub, ref = ""]: string[]): Promise<HrCommandReply> {
  const verb = sub?.toLowerCase();
  if (verb !== "grant" && verb !== "revoke") return { type: "error", problem: "unknown_command", detail: `hr ${sub ?? ""}`.trim() };
  return { type: "hr", hr: await grantOrRevoke(deps, ctx, verb, ref) };
}

async function grantOrRevoke(deps: Pick<CoreDeps, "store" | "clock">, ctx: CommandContext, verb: "grant" | "revoke", ref: string): Promise<HrReply> {
  const userId = parseUserRef(ref);
  if (!userId) return { kind: "bad_user", detail: ref };
  if (verb === "grant") return { kind: (await deps.store.hr.grant(userId, ctx.userId, deps.clock.now())) ? "granted" : "already_granted", userId };
  return { kind: (await deps.store.hr.revoke(userId)) ? "revoked" : "not_granted", userId };
}
