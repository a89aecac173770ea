import type { ChatTarget, Employee, Surface } from "../kernel/model";
import type { CoreRepos } from "../deps";
import { PermanentError } from "../kernel/errors";
import type { Notice } from "../ports/views/notice";
import type { HomeReportChoice } from "../ports/views/reportView";
import { lanes } from "../kernel/lanes";

/** The chat surface something stored lives on (an employee, a card, a channel); anything else is an error, never Slack. */
export function surfaceOf(owner: { surface: string }): Surface {
  if (owner.surface === "slack" || owner.surface === "teams") return owner.surface;
  throw new PermanentError(`unknown chat surface ${JSON.stringify(owner.surface)}`);
}

/** Queues a direct message to an employee, in their language. */
export async function notifyEmployee(
  tx: Pick<CoreRepos, "outbox">,
  employee: Employee,
  notice: Notice,
  options: { defaultLocale: string; dedupeKey?: string },
): Promise<void> {
  if (employee.forgottenAt) return; // nobody to tell under a pseudonym
  await tx.outbox.enqueue(
    { kind: "chat.notify", surface: surfaceOf(employee), userId: employee.externalId, locale: employee.locale ?? options.defaultLocale, notice },
    { lane: lanes.user(employee.surface, employee.externalId), ...(options.dedupeKey ? { dedupeKey: options.dedupeKey } : {}) },
  );
}

export interface HomeRequest {
  report?: HomeReportChoice | undefined;
  /** The person asked to see it now (see requestHome). */
  asked?: boolean | undefined;
  /** The chat identity whose home it is, when not the person's first (someone opening it on their other surface). */
  identity?: { surface: string; userId: string } | undefined;
}

/** Queues a redraw of the employee's home view (points, claims, top 5). */
export async function refreshHome(tx: Pick<CoreRepos, "outbox">, employee: Employee, request: HomeRequest = {}): Promise<void> {
  if (employee.forgottenAt) return;
  const { report, asked, identity = { surface: employee.surface, userId: employee.externalId } } = request;
  const surface = surfaceOf(identity);
  await tx.outbox.enqueue(
    { kind: "chat.publishHome", surface, userId: identity.userId, ...(report ? { report } : {}), ...(asked ? { asked } : {}) },
    { lane: lanes.user(surface, identity.userId), coalesce: true },
  );
}

/** Queues a notice for a whole channel (in a card's thread when `threadRef` is given), in the channel's language. */
export async function notifyChannel(
  tx: Pick<CoreRepos, "outbox">,
  place: ChatTarget & { threadRef: string | null; locale: string },
  notice: Notice,
  options: { dedupeKey: string },
): Promise<void> {
  const surface = surfaceOf(place);
  await tx.outbox.enqueue(
    { kind: "chat.channelNotice", surface, channelId: place.channelId, threadRef: place.threadRef, locale: place.locale, notice },
    { lane: lanes.channel(surface, place.channelId), dedupeKey: options.dedupeKey },
  );
}
