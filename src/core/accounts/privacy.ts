// `privacy hide` / `privacy show`: whether colleagues see one's name on leaderboards ("a colleague" instead).
// Points, the ledger and donations go on either way; HR's reports, which are not public, are not changed by it.
import type { CoreDeps } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import { actorEmployee } from "./actor";

export type PrivacyReply = { type: "privacy"; hidden: boolean; changed: boolean } | CommandError<"unknown_command">;

export async function privacyCommand(deps: Pick<CoreDeps, "store">, ctx: CommandContext, [sub]: string[]): Promise<PrivacyReply> {
  const employee = await actorEmployee(deps, ctx);
  const before = employee.hiddenOnLeaderboards ?? false;
  if (sub === undefined) return { type: "privacy", hidden: before, changed: false };
  const choice = sub.toLowerCase();
  if (choice !== "hide" && choice !== "show") return { type: "error", problem: "unknown_command", detail: `privacy ${sub}` };
  const hidden = choice === "hide";
  if (hidden !== before) await deps.store.employees.update(employee.id, { hiddenOnLeaderboards: hidden });
  return { type: "privacy", hidden, changed: hidden !== before };
}
