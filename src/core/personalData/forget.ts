// `forget me` (anyone, for themself, once confirmed) and an admin's `forget @person`: the person's names, email and
// chat id become a pseudonym and what only served them is dropped (docs/privacy.md). The ledger stays on the same
// row, so donations still add up; an answer already on its way is still published. Audited, by employee row only.
import { randomBytes } from "node:crypto";
import type { CoreDeps } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import type { Employee } from "../kernel/model";
import { personIn } from "../kernel/references";
import { actorEmployee } from "../accounts";

export type ForgetReply =
  | { type: "forget_explained"; answersOnTheirWay: number }
  | { type: "forgotten"; pseudonym: string; self: boolean }
  | CommandError<"unknown_command" | "unknown_person">;

const ON_THEIR_WAY = new Set(["queued", "publishing"]);

export async function forgetCommand(deps: Pick<CoreDeps, "store" | "clock">, ctx: CommandContext, [who, confirm]: string[]): Promise<ForgetReply> {
  if (who?.toLowerCase() === "me") {
    const me = await actorEmployee(deps, ctx);
    if (confirm?.toLowerCase() !== "confirm") {
      const { answers } = await deps.store.personalData.of(me.id);
      return { type: "forget_explained", answersOnTheirWay: answers.filter((answer) => ON_THEIR_WAY.has(String(answer.status))).length };
    }
    return { type: "forgotten", pseudonym: await forget(deps, me, me), self: true };
  }
  // Only admins get here with anything but `me` (policy: `forget` is admin, `forget me` anyone).
  const userId = personIn(who);
  if (!userId) return { type: "error", problem: "unknown_command", detail: ["forget", who].filter(Boolean).join(" ") };
  const [person] = (await deps.store.employees.byExternalIds([userId])).filter((employee) => !employee.forgottenAt);
  if (!person) return { type: "error", problem: "unknown_person", detail: userId };
  const admin = await actorEmployee(deps, ctx);
  return { type: "forgotten", pseudonym: await forget(deps, admin, person), self: person.id === admin.id };
}

async function forget(deps: Pick<CoreDeps, "store" | "clock">, by: Employee, person: Employee): Promise<string> {
  const pseudonym = `forgotten-${randomBytes(4).toString("hex")}`;
  const at = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await tx.personalData.forget(person.id, pseudonym, at);
    await tx.personalData.audit({ action: "forget", byEmployeeId: by.id, aboutEmployeeId: person.id, pseudonym, at });
  });
  return pseudonym;
}
