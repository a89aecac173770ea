// `charity …`: everyone picks a charity and sees their share; admins manage charities and the donation terms;
// those who may see reports (authorised and audited as reports) see them and mark donations paid.
import type { CoreDeps } from "../deps";
import { actorEmployee } from "../accounts";
import { addCharity, charityOverview, removeCharity, setDefaultCharity, setPointValue, setQuarterBudget, type CharityOverview } from "./manageCharities";
import { donationReport } from "./donationReport";
import { markDonationPaid } from "./markPaid";
import type { Charity, CharityPayout } from "../kernel/charity";
import { parseEuros } from "./money";
import { myCharityShare, type CharityShare } from "./myShare";
import { charityPicker, pickCharity, type CharityPicker, type PickResult } from "./pickCharity";
import type { QuarterReport } from "./quarterReport";
import type { CommandContext, CommandError } from "../kernel/commandContext";
import type { Verbs } from "../commands/commandVerbs";

export type CharityProblem =
  "bad_name" | "bad_url" | "bad_rate" | "bad_budget" | "unknown_charity" | "is_default" | "bad_quarter" | "quarter_not_over" | "nothing_due" | "not_allowed";

export type CharityReply =
  | { kind: "picker"; picker: CharityPicker }
  /** A pick, from `charity pick <id>` or a picker button; `typed` is the id as given. */
  | { kind: "pick"; result: PickResult; typed: string }
  | { kind: "list"; overview: CharityOverview }
  | { kind: "share"; share: CharityShare }
  | { kind: "added"; charity: Charity }
  | { kind: "removed"; charity: Charity }
  | { kind: "default_set"; charity: Charity }
  | { kind: "rate_set"; microEurosPerPoint: number }
  | { kind: "budget_set"; quarterBudgetCents: number | null }
  | { kind: "report"; report: QuarterReport }
  | { kind: "paid"; charity: Charity; payout: CharityPayout; before: boolean }
  | { kind: "error"; problem: CharityProblem; detail?: string };

/** Highest point value and quarterly budget accepted, in euros: beyond them a typo is likelier than intent. */
const MAX_EUROS_PER_POINT = 1000;
const MAX_BUDGET_EUROS = 10_000_000;
const NO_CAP = new Set(["none", "off"]);

export type CharityCommandReply = { type: "charity"; charity: CharityReply } | CommandError<"unknown_command">;

async function charityCommand(deps: Pick<CoreDeps, "store" | "clock" | "settings">, ctx: CommandContext, args: string[]): Promise<CharityCommandReply> {
  const [sub, ...rest] = args;
  const verb = sub?.toLowerCase();
  const reply = await charityReply(deps, ctx, verb, rest);
  return reply ? { type: "charity", charity: reply } : { type: "error", problem: "unknown_command", detail: `charity ${sub}` };
}

export const charityCommands = { charity: charityCommand } satisfies Verbs;

async function charityReply(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  ctx: CommandContext,
  verb: string | undefined,
  args: string[],
): Promise<CharityReply | null> {
  const [first = "", second = ""] = args;
  switch (verb) {
    case undefined:
      return { kind: "picker", picker: await charityPicker(deps, ctx) };
    case "pick":
      return { kind: "pick", result: await pickCharity(deps, ctx, charityId(first)), typed: first };
    case "list":
      return { kind: "list", overview: await charityOverview(deps) };
    case "mine":
      return { kind: "share", share: await myCharityShare(deps, (await actorEmployee(deps, ctx)).id) };
    case "add": {
      // The name may have spaces; the web address is the last word.
      const added = await addCharity(deps, { name: args.slice(0, -1).join(" "), url: args.at(-1) ?? "", createdBy: ctx.userId });
      return added.ok ? { kind: "added", charity: added.charity } : { kind: "error", problem: added.problem, detail: args.at(-1) ?? "" };
    }
    case "remove": {
      const result = await removeCharity(deps, charityId(first));
      if (result.status === "unknown") return unknownCharity(first);
      return result.status === "removed" ? { kind: "removed", charity: result.charity } : { kind: "error", problem: "is_default", detail: result.charity.name };
    }
    case "default": {
      const charity = await setDefaultCharity(deps, charityId(first), ctx.userId);
      return charity ? { kind: "default_set", charity } : unknownCharity(first);
    }
    case "rate": {
      const micro = parseEuros(first, 6, MAX_EUROS_PER_POINT);
      if (micro === null) return { kind: "error", problem: "bad_rate", detail: first };
      await setPointValue(deps, micro, ctx.userId);
      return { kind: "rate_set", microEurosPerPoint: micro };
    }
    case "budget": {
      const cents = NO_CAP.has(first.toLowerCase()) ? null : parseEuros(first, 2, MAX_BUDGET_EUROS);
      if (cents === null && !NO_CAP.has(first.toLowerCase())) return { kind: "error", problem: "bad_budget", detail: first };
      await setQuarterBudget(deps, cents, ctx.userId);
      return { kind: "budget_set", quarterBudgetCents: cents };
    }
    case "report": {
      const asked = await donationReport(deps, ctx, { quarter: first || null, what: "charity" });
      if (asked.ok) return { kind: "report", report: asked.report };
      return asked.problem === "not_allowed" ? { kind: "error", problem: "not_allowed" } : { kind: "error", problem: asked.problem, detail: asked.detail };
    }
    case "paid": {
      const result = await markDonationPaid(deps, ctx, charityId(first), second);
      switch (result.status) {
        case "not_allowed":
          return { kind: "error", problem: "not_allowed" };
        case "unknown_charity":
          return unknownCharity(first);
        case "bad_quarter":
        case "quarter_not_over":
        case "nothing_due":
          return { kind: "error", problem: result.status, detail: second };
        default:
          return { kind: "paid", charity: result.charity, payout: result.payout, before: result.status === "already_paid" };
      }
    }
    default:
      return null;
  }
}

/** "3" or "#3" (as `charity list` shows it); 0 for anything else, which no charity has. */
function charityId(text: string): number {
  return /^#?\d{1,9}$/.test(text) ? Number(text.replace("#", "")) : 0;
}

const unknownCharity = (text: string): CharityReply => ({ kind: "error", problem: "unknown_charity", detail: text });
