// Who may see reports (donations, HR) and mark donations paid: admins, the HR people named in ADVOCATE_HR_IDS,
// and those an admin granted with `hr grant`. Every answer to a report request is audited, refusals too.
import type { CoreDeps } from "../deps";
import type { CommandContext } from "../commands/commandContext";

export interface ReportRequest {
  what: string;
  period: string;
  department?: string | null;
}

type Requester = Pick<CommandContext, "isAdmin" | "userId" | "aadObjectId">;

export async function canSeeReports(deps: CoreDeps, ctx: Requester): Promise<boolean> {
  const names = [ctx.userId, ctx.aadObjectId].filter((id): id is string => Boolean(id));
  if (ctx.isAdmin || names.some((id) => deps.settings.hrIds.includes(id))) return true;
  for (const id of names) if (await deps.store.hr.isGranted(id)) return true;
  return false;
}

/** Decides, and writes the decision to the append-only audit before any figure is shown. */
export async function authoriseReport(deps: CoreDeps, ctx: Requester & Pick<CommandContext, "surface">, request: ReportRequest): Promise<boolean> {
  const allowed = await canSeeReports(deps, ctx);
  await deps.store.hr.audit({
    userId: ctx.userId,
    surface: ctx.surface,
    what: request.what,
    period: request.period,
    department: request.department ?? null,
    allowed,
    at: deps.clock.now(),
  });
  return allowed;
}
