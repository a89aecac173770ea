// `points` (mine), `points rules`, `points set <rule> <value>` (admins) and `leaderboard [period]`.
import type { CoreDeps } from "../deps";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";
import { actorEmployee } from "../accounts";
import { leaderboard, myPoints, type LeaderboardView } from "./leaderboard";
import type { MyPointsView } from "../ports/views/homeView";
import { isPeriod } from "./periods";
import { pointRules, type PointRuleName, type PointRules } from "./pointRules";
import { setPointRule } from "./setPointRule";
import { myCharityShare, type CharityShare } from "../charity";
import { surfaceOf } from "../notices";
import type { Surface } from "../kernel/model";
import { requestHome } from "./homeView";

export type PointsReply =
  | { type: "points"; points: MyPointsView; linkedAs: string | null; charity: CharityShare }
  | { type: "point_rules"; rules: PointRules }
  | { type: "point_rule_set"; rule: PointRuleName; value: number }
  | CommandError<"bad_point_rule" | "bad_point_value" | "unknown_command" | "not_admin">;

/** The home was queued for the surface it was asked on (Slack's Home tab, the Teams personal chat). */
export type HomeReply = { type: "home"; surface: Surface };

export type LeaderboardReply = { type: "leaderboard"; board: LeaderboardView; myEmployeeId: string } | CommandError<"bad_period">;

async function pointsCommand(deps: Pick<CoreDeps, "store" | "clock" | "settings">, ctx: CommandContext, args: string[]): Promise<PointsReply> {
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
      const set = await setPointRule(deps, ctx, name, value);
      if (set.ok) return { type: "point_rule_set", rule: set.rule, value: set.value };
      return set.problem === "not_allowed" ? { type: "error", problem: "not_admin" } : { type: "error", problem: set.problem, detail: set.detail };
    }
    default:
      return { type: "error", problem: "unknown_command", detail: `points ${sub}` };
  }
}

async function leaderboardCommand(deps: Pick<CoreDeps, "store" | "clock" | "settings">, ctx: CommandContext, args: string[]): Promise<LeaderboardReply> {
  const period = (args[0] ?? "month").toLowerCase();
  if (!isPeriod(period)) return { type: "error", problem: "bad_period", detail: period };
  const employee = await actorEmployee(deps, ctx);
  return { type: "leaderboard", board: await leaderboard(deps, period, employee.id), myEmployeeId: employee.id };
}

/** `home`: the person's home, drawn anew where they asked for it, as opening Slack's Home tab does. */
async function homeCommand(deps: Pick<CoreDeps, "store">, ctx: CommandContext): Promise<HomeReply> {
  await requestHome(deps, ctx.surface, ctx.userId, { asked: true });
  return { type: "home", surface: surfaceOf(ctx) };
}

export const pointsCommands = { points: pointsCommand, leaderboard: leaderboardCommand, home: homeCommand } satisfies Verbs;
