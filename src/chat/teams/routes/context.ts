import type { TurnContext } from "botbuilder";
import type { Logger } from "pino";
import type { CoreDeps } from "../../../core/deps";
import type { Employee } from "../../../core/kernel/model";
import { actorEmployee } from "../../../core/accounts";
import { normalizeLocale } from "../../../i18n";
import { actorOf, type TeamsActivity } from "../activity";

/** What every Teams route needs: the core and a logger. */
export interface TeamsRouteContext {
  deps: CoreDeps;
  logger: Logger;
}

/** One incoming activity, validated, with the turn to answer on. */
export interface Turn {
  context: TurnContext;
  activity: TeamsActivity;
  /** Stores how to reach this channel and person later; called once the activity is known to be good. */
  remember(): Promise<void>;
}

/** The acting employee, with the language Teams reports for them kept up to date. */
export async function teamsEmployee(deps: CoreDeps, activity: TeamsActivity): Promise<Employee> {
  const employee = await actorEmployee(deps, actorOf(activity));
  const locale = activity.locale ? normalizeLocale(activity.locale, deps.settings.defaultLocale) : null;
  return locale && locale !== employee.locale ? deps.store.employees.update(employee.id, { locale }) : employee;
}
