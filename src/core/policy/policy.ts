// Who may do what, decided here and nowhere else: every command verb has a rule in one table, admins and HR are
// recognised by one function each, and report views are authorised and audited by one function. The dispatcher
// refuses before a verb runs; a verb added without a rule has no entry and is not dispatched (see runCommand).
import type { CoreDeps, CoreSettings } from "../deps";

/**
 * - anyone: any employee, acting for themselves (their points, claims, links, follows).
 * - channel: anyone, about the channel they type it in (its story schedules); an admin for any channel.
 * - hr: HR named in ADVOCATE_HR_IDS, people an admin granted, and admins; the verb authorises each report with
 *   its details (authoriseReport), so that every view and refusal is audited with what was asked.
 * - admin: the people named in ADVOCATE_ADMIN_IDS.
 */
export type Rule = "anyone" | "channel" | "hr" | "admin";

/** Every verb of `/advocate …` (Slack) and `@Advocate …` (Teams), with its sub-verb where the rule differs. */
export const COMMAND_RULES = {
  help: "anyone",
  points: "anyone",
  "points set": "admin",
  leaderboard: "anyone",
  charity: "anyone",
  "charity add": "admin",
  "charity remove": "admin",
  "charity default": "admin",
  "charity rate": "admin",
  "charity budget": "admin",
  "charity report": "hr",
  "charity paid": "hr",
  link: "anyone",
  unlink: "anyone",
  privacy: "anyone",
  my: "anyone",
  "forget me": "anyone",
  forget: "admin",
  follow: "anyone",
  unfollow: "anyone",
  story: "channel",
  report: "hr",
  hr: "admin",
  ai: "admin",
  route: "admin",
  language: "admin",
} as const satisfies Record<string, Rule>;

export type CommandVerb = keyof typeof COMMAND_RULES;

/** The table's entry for a command's first two words: the sub-verb's own when it has one, else the verb's. */
export function commandVerb(verb: string, sub: string | undefined): CommandVerb | null {
  const pair = `${verb} ${sub ?? ""}`.toLowerCase();
  if (Object.hasOwn(COMMAND_RULES, pair)) return pair as CommandVerb;
  return Object.hasOwn(COMMAND_RULES, verb.toLowerCase()) ? (verb.toLowerCase() as CommandVerb) : null;
}

/**
 * Every button, menu and form. Each acts for whoever pressed it. "own": anyone, on their own things only (the
 * claim they hold, the answer they wrote, the link and the charity pick that are theirs), which the use case
 * checks against the thing itself; "hr": authorised and audited as a report (authoriseReport).
 */
export type ControlRule = Exclude<Rule, "channel" | "admin"> | "own";

export const CONTROL_RULES = {
  "card claim": "anyone",
  "card release": "own",
  "card answer": "anyone",
  "card pass": "anyone",
  "card idea": "anyone",
  "card refresh": "anyone",
  "answer form": "own",
  "answer draft": "own",
  "card edit answer": "own",
  "card withdraw answer": "own",
  "edit form": "own",
  "withdraw form": "own",
  "pass form": "anyone",
  "idea form": "anyone",
  "link consent": "own",
  "link start": "anyone",
  "draft publish": "own",
  "draft edit": "own",
  "draft dismiss": "own",
  "charity pick": "own",
  "home report": "hr",
} as const satisfies Record<string, ControlRule>;

export type Control = keyof typeof CONTROL_RULES;

/** Who asks, as the chat surface authenticated them: their chat id and any other id the surface knows them by. */
export interface Principal {
  userId: string;
  alsoKnownAs?: string[] | undefined;
  /** The person's verified work emails, as their chat profiles gave them (withVerifiedEmails); never typed text. */
  verifiedEmails?: string[] | undefined;
}

const namesOf = (who: Principal) => [who.userId, ...(who.alsoKnownAs ?? []), ...(who.verifiedEmails ?? [])];
const isEmail = (id: string) => id.includes("@");
/** Chat ids match exactly; an email in the settings matches a verified email in any case. */
const listed = (ids: string[], who: Principal) =>
  namesOf(who).some((name) => ids.some((id) => id === name || (isEmail(id) && id.toLowerCase() === name.toLowerCase())));

export function isAdmin(settings: Pick<CoreSettings, "adminIds">, who: Principal): boolean {
  return listed(settings.adminIds, who);
}

/**
 * The principal with their person's verified work emails, for settings that name admins or HR by email: looked up
 * only when some entry is an email. An identity whose email is not verified yet matches by its chat id alone.
 */
export async function withVerifiedEmails<T extends Principal & { surface: string }>(deps: Pick<CoreDeps, "store" | "settings">, who: T): Promise<T> {
  if (![...deps.settings.adminIds, ...deps.settings.hrIds].some(isEmail)) return who;
  const person = await deps.store.employees.ensure(who.surface, who.userId);
  const emails = (await deps.store.employees.identities(person.id)).flatMap((identity) => (identity.email ? [identity.email] : []));
  return { ...who, verifiedEmails: emails };
}

export async function canSeeReports(deps: Pick<CoreDeps, "store" | "settings">, asked: Principal & { surface: string }): Promise<boolean> {
  const who = await withVerifiedEmails(deps, asked);
  if (isAdmin(deps.settings, who) || listed(deps.settings.hrIds, who)) return true;
  for (const id of namesOf(who)) if (await deps.store.hr.isGranted(id)) return true;
  return false;
}

/** The refusal for `verb`, or null when `ctx` may run it (hr verbs authorise themselves, with the report's details). */
export function refusal(settings: Pick<CoreSettings, "adminIds">, who: Principal, verb: CommandVerb): "not_admin" | null {
  return COMMAND_RULES[verb] === "admin" && !isAdmin(settings, who) ? "not_admin" : null;
}

export interface ReportRequest {
  what: string;
  period: string;
  department?: string | null;
}

/** Decides, and writes the decision to the append-only audit before any figure is shown. */
export async function authoriseReport(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  who: Principal & { surface: string },
  request: ReportRequest,
): Promise<boolean> {
  const allowed = await canSeeReports(deps, who);
  await deps.store.hr.audit({
    userId: who.userId,
    surface: who.surface,
    what: request.what,
    period: request.period,
    department: request.department ?? null,
    allowed,
    at: deps.clock.now(),
  });
  return allowed;
}
