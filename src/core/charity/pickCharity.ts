// Each employee picks the charity their points go to; without a pick the company's default applies.
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import { charityFor } from "./attribution";
import { isActive, type Charity } from "../kernel/charity";
import type { Actor } from "../kernel/commandContext";
import type { CurrentCharity } from "../ports/views/charityShare";

export type PickResult = { status: "picked"; charity: Charity } | { status: "unknown_charity" };

/** The one use case behind the Slack buttons, the Teams card and `charity pick <id>`. */
export async function pickCharity(deps: Pick<CoreDeps, "store" | "clock">, actor: Actor, charityId: number): Promise<PickResult> {
  // The id comes from a button or typed text: anything but a positive whole number names no charity.
  const charity = Number.isSafeInteger(charityId) && charityId > 0 ? await deps.store.charities.byId(charityId) : null;
  if (!charity || !isActive(charity)) return { status: "unknown_charity" };
  const employee = await actorEmployee(deps, actor);
  await deps.store.charities.pick(employee.id, charity.id, deps.clock.now());
  return { status: "picked", charity };
}

export type { CurrentCharity };

/** Where this employee's points go today; null when they picked none and there is no default. */
export async function currentCharity(deps: Pick<CoreDeps, "store" | "clock">, employeeId: string): Promise<CurrentCharity | null> {
  const now = deps.clock.now();
  const [picked, terms, all] = await Promise.all([deps.store.charities.pickOf(employeeId, now), deps.store.charities.terms(now), deps.store.charities.list()]);
  const active = all.filter(isActive);
  const id = charityFor(picked, new Set(active.map((charity) => charity.id)), terms.defaultCharityId);
  const charity = active.find((candidate) => candidate.id === id);
  return charity ? { charity, chosen: charity.id === picked } : null;
}

export interface CharityPicker {
  charities: Charity[];
  current: CurrentCharity | null;
}

export async function charityPicker(deps: Pick<CoreDeps, "store" | "clock">, actor: Actor): Promise<CharityPicker> {
  const employee = await actorEmployee(deps, actor);
  const [all, current] = await Promise.all([deps.store.charities.list(), currentCharity(deps, employee.id)]);
  return { charities: all.filter(isActive), current };
}
