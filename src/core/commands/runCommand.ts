// The `/advocate …` (Slack) and `@Advocate …` (Teams) commands: parsed and answered once, for every surface.
import type { CoreDeps } from "../deps";
import type { ChatTarget, RoutingRule } from "../kernel/model";
import { actorEmployee } from "../accounts/actor";
import type { CommandContext } from "../kernel/commandContext";
import { commandVerb, isAdmin, refusal } from "../policy/policy";
import { channelIn } from "../kernel/references";
import { startLink, unlink, type LinkStart } from "../accounts/linking";
import { leaderboard, myPoints, type LeaderboardView } from "../points/leaderboard";
import type { MyPointsView } from "../ports/views/homeView";
import { isPeriod } from "../points/periods";
import { isPointRuleName, pointRules, type PointRuleName, type PointRules } from "../points/pointRules";
import { parseRuleSpec } from "../routing/parseRuleSpec";
import { myCharityShare, type CharityShare } from "../charity/myShare";
import { charityCommand, type CharityCommandReply } from "./charityCommand";
import { hrCommand, type HrReply } from "../hr/hrGrants";
import { reportCommand, type ReportCommandReply } from "../hr/reportCommand";
import { storyCommand, type StoryCommandReply } from "../stories/storyCommand";
import { aiCommand, type AiStatus } from "../ai/aiCommand";
import { followCommand, type FollowReply } from "../expertise/followCommand";
import { privacyCommand, type PrivacyReply } from "../accounts/privacy";

export type CommandReply =
  | { type: "help"; isAdmin: boolean }
  | { type: "points"; points: MyPointsView; linkedAs: string | null; charity: CharityShare }
  | { type: "leaderboard"; board: LeaderboardView; myEmployeeId: string }
  | { type: "link"; result: LinkStart }
  | { type: "unlinked"; username: string | null }
  | { type: "rules"; rules: RoutingRule[]; fallback: ChatTarget | null }
  | { type: "rule_added"; rule: RoutingRule; merged: boolean }
  | { type: "rule_removed"; id: number; removed: boolean }
  | { type: "fallback_set"; target: ChatTarget }
  | { type: "problems_set"; target: ChatTarget; threshold: number }
  | { type: "language_set"; locale: string }
  | { type: "point_rules"; rules: PointRules }
  | CharityCommandReply
  | { type: "hr"; hr: HrReply }
  | ReportCommandReply
  | { type: "point_rule_set"; rule: PointRuleName; value: number }
  | StoryCommandReply
  | AiStatus
  | Extract<FollowReply, { type: "follows" }>
  | PrivacyReply
  | {
      type: "error";
      problem:
        | "unknown_command"
        | "not_admin"
        | "bad_topic"
        | "bad_period"
        | "bad_rule"
        | "bad_language"
        | "bad_rule_id"
        | "bad_point_rule"
        | "bad_point_value"
        | "not_allowed";
      detail?: string;
    };

export async function runCommand(deps: CoreDeps, ctx: CommandContext, text: string): Promise<CommandReply> {
  const [verb = "help", ...args] = text.trim().split(/\s+/).filter(Boolean);
  const known = commandVerb(verb, args[0]);
  if (!known) return { type: "error", problem: "unknown_command", detail: verb };
  const refused = refusal(deps.settings, ctx, known);
  if (refused) return { type: "error", problem: refused };
  switch (verb.toLowerCase()) {
    case "help":
      return { type: "help", isAdmin: isAdmin(deps.settings, ctx) };
    case "points":
      return points(deps, ctx, args);
    case "leaderboard": {
      const period = (args[0] ?? "month").toLowerCase();
      if (!isPeriod(period)) return { type: "error", problem: "bad_period", detail: period };
      const employee = await actorEmployee(deps, ctx);
      return { type: "leaderboard", board: await leaderboard(deps, period, employee.id), myEmployeeId: employee.id };
    }
    case "charity":
      return charityCommand(deps, ctx, args);
    case "link":
      return { type: "link", result: await startLink(deps, ctx) };
    case "privacy":
      return privacyCommand(deps, ctx, args[0]);
    case "unlink":
      return { type: "unlinked", username: await unlink(deps, ctx) };
    case "story":
      return storyCommand(deps, ctx, args);
    case "report":
      return reportCommand(deps, ctx, args);
    case "hr": {
      const hr = await hrCommand(deps, ctx, args[0]?.toLowerCase(), args[1] ?? "");
      return hr ? { type: "hr", hr } : { type: "error", problem: "unknown_command", detail: `hr ${args[0] ?? ""}`.trim() };
    }
    case "follow":
    case "unfollow":
      return followCommand(deps, ctx, verb.toLowerCase() === "follow", args[0]);
    case "ai": {
      const status = await aiCommand(deps, ctx, args[0]?.toLowerCase());
      return status ?? { type: "error", problem: "unknown_command", detail: `ai ${args[0] ?? ""}`.trim() };
    }
    case "route":
    case "language":
      return verb.toLowerCase() === "route" ? route(deps, ctx, args) : language(deps, ctx, args[0]);
    default:
      return { type: "error", problem: "unknown_command", detail: verb };
  }
}

async function points(deps: CoreDeps, ctx: CommandContext, args: string[]): Promise<CommandReply> {
  const [sub, name = "", value = ""] = args;
  switch (sub?.toLowerCase()) {
    case undefined: {
      const employee = await actorEmployee(deps, ctx);
      const [mine, charity] = await Promise.all([myPoints(deps, employee.id), myCharityShare(deps, employee.id)]);
      return { type: "points", points: mine, linkedAs: employee.communityUsername, charity };
    }
    case "rules":
      return { type: "point_rules", rules: await pointRules(deps.store) };
    case "set": {
      const rule = name.toLowerCase();
      if (!isPointRuleName(rule)) return { type: "error", problem: "bad_point_rule", detail: name };
      // A whole number of points, small enough for the ledger's integers.
      if (!/^\d{1,6}$/.test(value)) return { type: "error", problem: "bad_point_value", detail: value };
      await deps.store.pointRules.set(rule, Number(value), ctx.userId);
      return { type: "point_rule_set", rule, value: Number(value) };
    }
    default:
      return { type: "error", problem: "unknown_command", detail: `points ${sub}` };
  }
}

/** The channel a command names, else the channel it was typed in. */
function channelArgument(text: string | undefined, ctx: CommandContext): string {
  return channelIn(text) ?? ctx.channelId;
}

async function route(deps: CoreDeps, ctx: CommandContext, args: string[]): Promise<CommandReply> {
  const [sub = "list", ...rest] = args;
  switch (sub.toLowerCase()) {
    case "list": {
      const fallback = await deps.store.channels.fallback();
      return { type: "rules", rules: await deps.store.rules.list(), fallback };
    }
    case "add": {
      const parsed = parseRuleSpec(rest);
      if (!parsed.ok) return { type: "error", problem: "bad_rule", detail: parsed.problem };
      const { channelId, escalate, ...criteria } = parsed.spec;
      const escalation = escalate === "here" ? { kind: "channel", id: ctx.channelId } : escalate;
      const added = await deps.store.rules.add({
        ...criteria,
        ...(escalation ? { escalateSurface: ctx.surface, escalateKind: escalation.kind, escalateTo: escalation.id } : {}),
        target: { surface: ctx.surface, channelId: channelId ?? ctx.channelId },
        createdBy: ctx.userId,
      });
      return { type: "rule_added", ...added };
    }
    case "remove": {
      const id = Number(rest[0]);
      if (!Number.isInteger(id) || id <= 0) return { type: "error", problem: "bad_rule_id", detail: rest[0] ?? "" };
      return { type: "rule_removed", id, removed: await deps.store.rules.remove(id) };
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

async function language(deps: CoreDeps, ctx: CommandContext, value: string | undefined): Promise<CommandReply> {
  const locale = (value ?? "").toLowerCase();
  if (locale !== "nl" && locale !== "en") return { type: "error", problem: "bad_language", detail: value ?? "" };
  await deps.store.channels.setLocale(ctx.surface, ctx.channelId, locale);
  return { type: "language_set", locale };
}
