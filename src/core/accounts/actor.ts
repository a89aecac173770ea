import type { CoreDeps } from "../deps";
import type { Employee } from "../kernel/model";
import type { Actor } from "../kernel/commandContext";

export async function actorEmployee(deps: Pick<CoreDeps, "store">, actor: Actor): Promise<Employee> {
  return deps.store.employees.ensure(actor.surface, actor.userId, actor.displayName ?? null);
}

/** The language to answer this person in: theirs once known, else the company default. */
export function localeOf(deps: Pick<CoreDeps, "settings">, employee: Employee): string {
  return employee.locale ?? deps.settings.defaultLocale;
}
