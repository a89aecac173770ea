// Whether the language model may be asked now: the admin's switch for the community, and today's token budget.
import { DateTime } from "luxon";
import type { AiSettings, CoreDeps } from "../deps";
import { notifyEmployee } from "../notices";

/** Today in the company's timezone: when it began, and its date. The token budget is per such day. */
export function companyDay(deps: Pick<CoreDeps, "clock" | "settings">): { start: Date; date: string } {
  const start = DateTime.fromJSDate(deps.clock.now(), { zone: deps.settings.timezone }).startOf("day");
  return { start: start.toJSDate(), date: start.toISODate() ?? "" };
}

/** "off" or "budget" when the model must not be asked (admins hear of a spent budget once a day); null when it may. */
export async function aiBlocked(deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings">, settings: AiSettings): Promise<"off" | "budget" | null> {
  if (!(await deps.store.ai.enabled(deps.community.name))) return "off";
  const today = companyDay(deps);
  if ((await deps.store.ai.tokensSince(today.start)) < settings.dailyTokenBudget) return null;
  await tellAdminsBudgetSpent(deps, today.date, settings.dailyTokenBudget);
  return "budget";
}

async function tellAdminsBudgetSpent(deps: Pick<CoreDeps, "store" | "settings">, day: string, budget: number): Promise<void> {
  const admins = await deps.store.employees.byExternalIds(deps.settings.adminIds);
  for (const admin of admins) {
    await notifyEmployee(
      deps.store,
      admin,
      { type: "ai_budget_spent", budget },
      { defaultLocale: deps.settings.defaultLocale, dedupeKey: `ai-budget:${day}:${admin.id}` },
    );
  }
}
