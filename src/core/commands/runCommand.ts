// The `/advocate …` (Slack) and `@Advocate …` (Teams) commands: parsed, checked against the policy and answered
// once, for every surface. Each feature answers its own verbs (see commandVerbs); this only registers them.
import type { CoreDeps } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import { commandVerb, isAdmin, refusal, withVerifiedEmails } from "../policy/policy";
import type { CommandHandler, Verbs } from "./commandVerbs";
import { pointsCommands } from "../points/pointsCommands";
import { charityCommands } from "../charity/charityCommand";
import { accountCommands } from "../accounts/accountCommands";
import { followCommands } from "../expertise/followCommand";
import { storyCommands } from "../stories/storyCommand";
import { hrCommands } from "../hr/hrCommands";
import { aiCommands } from "../ai/aiCommand";
import { routeCommands } from "../routing/routeCommands";
import { personalDataCommands } from "../personalData/personalDataCommands";

/** Every verb but `help`, one line per feature. Required: each verb of the policy table has a handler here. */
export const VERBS = {
  ...pointsCommands,
  ...charityCommands,
  ...accountCommands,
  ...followCommands,
  ...storyCommands,
  ...hrCommands,
  ...aiCommands,
  ...routeCommands,
  ...personalDataCommands,
} satisfies Required<Verbs>;

export type CommandReply =
  { type: "help"; isAdmin: boolean } | Awaited<ReturnType<(typeof VERBS)[keyof typeof VERBS]>> | CommandError<"unknown_command" | "not_admin">;

// Looked up by the word as typed: the policy table knows it, the types cannot.
const handlers: Partial<Record<string, CommandHandler<CommandReply>>> = VERBS;

export async function runCommand(deps: CoreDeps, asked: CommandContext, text: string): Promise<CommandReply> {
  const ctx = await withVerifiedEmails(deps, asked);
  const [verb = "help", ...args] = text.trim().split(/\s+/).filter(Boolean);
  const known = commandVerb(verb, args[0]);
  if (!known) return { type: "error", problem: "unknown_command", detail: verb };
  const refused = refusal(deps.settings, ctx, known);
  if (refused) return { type: "error", problem: refused };
  if (verb.toLowerCase() === "help") return { type: "help", isAdmin: isAdmin(deps.settings, ctx) };
  const handler = handlers[verb.toLowerCase()];
  return handler ? handler(deps, ctx, args) : { type: "error", problem: "unknown_command", detail: verb };
}
