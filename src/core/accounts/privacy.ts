// `privacy hide` / `privacy show`: whether colleagues see one's name on leaderboards ("a colleague" instead).
// Points, the ledger and donations go on either way; HR's reports, which are not public, are not changed by it.
import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import { actorEmployee } from "./actor";

export type PrivacyReply = { type: "privacy"; hidden: boolean; changed: boolean } | CommandError<"unknown_command">;

/** The person's choice, from chat or the console; true when it changed. */
export async function setHiddenOnLeaderboards(deps: Pick<CoreDeps, "store">, employee: Employee, hidden: boolean): Promise<boolean> {
  if (hidden === (employee.hiddenOnLeaderboards ?? false)) return false;
  await deps.store.employees.update(employee.id, { hiddenOnLeaderboards: hidden });
  return true;
}

export async function privacyCommand(deps: Pick<CoreDeps, "store">, ctx: CommandContext, [sub]: string[]): Promise<PrivacyReply> {
  const employee = await actorEmployee(deps, ctx);
  if (sub === undefined) return { type: "privacy", hidden: employee.hiddenOnLeaderboards ?? false, changed: false };
  const choice = sub.toLowerCase();
  if (choice !== "hide" && choice !== "show") return { type: "error", problem: "unknown_command", detail: `privacy ${sub}` };
  const hidden = choice === "hide";
  return { type: "privacy", hidden, changed: await setHiddenOnLeaderboards(deps, employee, hidden) };
}
