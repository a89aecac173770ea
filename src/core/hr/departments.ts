// The departments people can be filtered by (HR's reports, the console's leaderboard): from the HR directory and the
// people Advocate knows, in alphabetical order.
import type { CoreDeps } from "../deps";

/** Slack's select menus take at most 100 options; a web page's picker is no place for more either. */
const MAX_DEPARTMENTS = 100;

export function departments(deps: Pick<CoreDeps, "store">): Promise<string[]> {
  return deps.store.reports.departments(MAX_DEPARTMENTS);
}
