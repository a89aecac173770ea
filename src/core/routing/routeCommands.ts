// `route …` (admins): where questions go, and which channel hears of unrouted questions and recurring problems;
// `language nl|en` (admins): the language Advocate speaks in a channel.
import type { CoreDeps } from "../deps";
import type { ChatTarget, RoutingRule } from "../kernel/model";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";
import { channelIn } from "../kernel/references";
import { addRule, removeRule } from "./manageRules";
import { parseRuleSpec } from "./parseRuleSpec";

export type RouteReply =
  | { type: "rules"; rules: RoutingRule[]; fallback: ChatTarget | null }
  | { type: "rule_added"; rule: RoutingRule; merged: boolean }
  /** The rule is good and names no channel, on a surface that lets the person pick one: `rule` are its words. */
  | { type: "rule_needs_channel"; rule: string[] }
  | { type: "rule_removed"; id: number; removed: boolean }
  | { type: "fallback_set"; target: ChatTarget }
  | { type: "problems_set"; target: ChatTarget; threshold: number }
  | CommandError<"bad_rule" | "bad_rule_id" | "unknown_command" | "not_admin">;

export type LanguageReply = { type: "language_set"; locale: string } | CommandError<"bad_language">;

/** The channel a command names, else the channel it was typed in. */
function channelArgument(text: string | undefined, ctx: CommandContext): string {
  return channelIn(text) ?? ctx.channelId;
}

async function route(deps: Pick<CoreDeps, "store" | "clock" | "settings">, ctx: CommandContext, args: string[]): Promise<RouteReply> {
  const [sub = "list", ...rest] = args;
  switch (sub.toLowerCase()) {
    case "list": {
      const fallback = await deps.store.channels.fallback();
      return { type: "rules", rules: await deps.store.rules.list(), fallback };
    }
    case "add": {
      // A good rule that names no channel, where the person can pick one: they pick (only a channel is missing).
      if (ctx.picksChannels) {
        const parsed = parseRuleSpec(rest);
        if (parsed.ok && !parsed.spec.channelId) return { type: "rule_needs_channel", rule: rest };
      }
      const added = await addRule(deps, ctx, { spec: rest.join(" "), surface: ctx.surface, channelId: ctx.channelId });
      if (!added.ok) return added.problem === "bad_rule" ? { type: "error", ...added } : { type: "error", problem: "not_admin" };
      return { type: "rule_added", rule: added.rule, merged: added.merged };
    }
    case "remove": {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || id <= 0) return { type: "error", problem: "bad_rule_id", detail: rest[0] ?? "" };
      const removed = await removeRule(deps, ctx, id);
      return removed.ok ? { type: "rule_removed", id, removed: removed.removed } : { type: "error", problem: "not_admin" };
    }
    case "fallback": {
      const channelId = channelArgument(rest[0], ctx);
      await deps.store.channels.setFallback(ctx.surface, channelId);
      return { type: "fallback_set", target: { surface: ctx.surface, channelId } };
    }
    case "problems": {
      const channelId = channelArgument(rest[0], ctx);
      await deps.store.channels.setProblems(ctx.surface, channelId);
      return { type: "problems_set", target: { surface: ctx.surface, channelId }, threshold: deps.settings.recurringProblemThreshold };
    }
    default:
      // `route tag:billing` is short for `route add tag:billing`.
      if (sub.includes(":")) return route(deps, ctx, ["add", ...args]);
      return { type: "error", problem: "unknown_command", detail: `route ${sub}` };
  }
}

async function language(deps: Pick<CoreDeps, "store">, ctx: CommandContext, [value]: string[]): Promise<LanguageReply> {
  const locale = (value ?? "").toLowerCase();
  if (locale !== "nl" && locale !== "en") return { type: "error", problem: "bad_language", detail: value ?? "" };
  await deps.store.channels.setLocale(ctx.surface, ctx.channelId, locale);
  return { type: "language_set", locale };
}

export const routeCommands = { route, language } satisfies Verbs;
