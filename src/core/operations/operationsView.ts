// The admins' operations page: how deep each outbox lane is, what waits or was given up and why (redacted), when
// each community's last signed webhook came, and whether Advocate is ready (what /readyz says). Audited as a view.
import type { CoreDeps } from "../deps";
import type { Readiness, ReadinessProbe } from "../ports";
import { authoriseView, type Actor, type Refused } from "../policy";
import type { LaneDepth, OutboxItemState } from "./operationsRepo";
import { redactError } from "./redactError";

/** Items listed at most; the lanes' counts cover the rest. */
export const LISTED_ITEMS = 200;

export interface OperationsView {
  ok: true;
  readiness: Readiness;
  lanes: LaneDepth[];
  items: OutboxItemState[];
  webhooks: Array<{ community: string; lastAt: Date | null }>;
  /** Inbound events are kept this many days: a community silent for longer shows no last webhook. */
  retentionDays: number;
}

export async function operationsView(
  deps: Pick<CoreDeps, "store" | "clock" | "settings" | "community">,
  who: Actor,
  readiness: ReadinessProbe,
): Promise<OperationsView | Refused> {
  if (!(await authoriseView(deps, who, "operations.view", { subject: null }))) return { ok: false, problem: "not_allowed" };
  const { operations } = deps.store;
  const community = deps.community.name;
  const [ready, lanes, items, lastAt] = await Promise.all([
    readiness(),
    operations.laneDepths(),
    operations.unfinished(LISTED_ITEMS),
    operations.lastWebhook(community),
  ]);
  return {
    ok: true,
    readiness: ready,
    lanes,
    items: items.map((item) => ({ ...item, lastError: redactError(item.lastError) })),
    webhooks: [{ community, lastAt }],
    retentionDays: deps.settings.retentionDays,
  };
}
