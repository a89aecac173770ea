import type { Employee, Surface } from "../model";
import type { Repos } from "../ports";
import { lanes, type HomeReportChoice, type Notice } from "./messages";

export function surfaceOf(employee: Employee): Surface {
  return employee.surface === "teams" ? "teams" : "slack";
}

/** Queues a direct message to an employee, in their language. */
export async function notifyEmployee(
  tx: Pick<Repos, "outbox">,
  employee: Employee,
  notice: Notice,
  options: { defaultLocale: string; dedupeKey?: string },
): Promise<void> {
  await tx.outbox.enqueue(
    { kind: "chat.notify", surface: surfaceOf(employee), userId: employee.externalId, locale: employee.locale ?? options.defaultLocale, notice },
    { lane: lanes.user(employee.surface, employee.externalId), ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}) },
  );
}

/** Queues a redraw of the employee's home view (points, claims, top 5). */
export async function refreshHome(tx: Pick<Repos, "outbox">, employee: Employee, report?: HomeReportChoice): Promise<void> {
  await tx.outbox.enqueue(
    { kind: "chat.publishHome", surface: surfaceOf(employee), userId: employee.externalId, ...(report ? { report } : {}) },
    { lane: lanes.user(employee.surface, employee.externalId), coalesce: true },
  );
}
