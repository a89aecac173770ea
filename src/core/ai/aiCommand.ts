// `ai`, `ai on`, `ai off` (admins): the per-community switch, and what AI costs today.
import type { CoreDeps } from "../deps";
import { companyDay } from "./aiGate";
import type { Actor, CommandError } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";

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

async function aiCommand(
  deps: Pick<CoreDeps, "store" | "community" | "clock" | "settings" | "ai">,
  actor: Actor,
  [typed]: string[],
): Promise<AiStatus | CommandError<"unknown_command">> {
  const community = deps.community.name;
  const sub = typed?.toLowerCase();
  if (sub === "on" || sub === "off") await deps.store.ai.setEnabled(community, sub === "on", actor.userId);
  else if (sub !== undefined && sub !== "status") return { type: "error", problem: "unknown_command", detail: `ai ${typed}` };
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

export const aiCommands = { ai: aiCommand } satisfies Verbs;
