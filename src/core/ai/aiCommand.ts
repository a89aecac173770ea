// `ai`, `ai on`, `ai off` (admins): the per-community switch, and what AI costs today.
import type { CoreDeps } from "../deps";
import { companyDay } from "./aiGate";
import type { Actor } from "../kernel/commandContext";

export interface AiStatus {
  type: "ai";
  /** An AI key is set in the environment. */
  configured: boolean;
  enabled: boolean;
  tokensToday: number;
  budget: number | null;
  topics: string[];
  /** Set when this command turned AI on or off. */
  switched?: "on" | "off";
}

export async function aiCommand(deps: CoreDeps, actor: Actor, sub: string | undefined): Promise<AiStatus | null> {
  const community = deps.community.name;
  if (sub === "on" || sub === "off") await deps.store.ai.setEnabled(community, sub === "on", actor.userId);
  else if (sub !== undefined && sub !== "status") return null;
  return {
    type: "ai",
    configured: Boolean(deps.ai),
    enabled: await deps.store.ai.enabled(community),
    tokensToday: await deps.store.ai.tokensSince(companyDay(deps).start),
    budget: deps.ai?.settings.dailyTokenBudget ?? null,
    topics: deps.ai?.settings.topics ?? [],
    ...(sub === "on" || sub === "off" ? { switched: sub } : {}),
  };
}
