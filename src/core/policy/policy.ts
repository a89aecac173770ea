// Who may do what, decided here and nowhere else: every command verb has a rule in one table, admins and HR are
// recognised by one function each, and report views are authorised and audited by one function. The dispatcher
// refuses before a verb runs; a verb added without a rule has no entry and is not dispatched (see runCommand).
import type { CoreDeps, CoreRepos, CoreSettings } from "../deps";
import type { Employee } from "../kernel/model";

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
  home: "anyone",
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
 * checks against the thing itself; "hr": authorised and audited as a report (authoriseReport); "admin": a control
 * that finishes an admin's command (the channel picker of `route add`), checked by running that command.
 */
export type ControlRule = Exclude<Rule, "channel"> | "own";

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
  "home refresh": "own",
  "home report": "hr",
  "route pick": "admin",
} as const satisfies Record<string, ControlRule>;

export type Control = keyof typeof CONTROL_RULES;

/**
 * Every action outside chat (the web console's pages and forms), each a use case that checks this table itself:
 * "admin" or "hr" as above. Views are audited when decided (authoriseView), changes in the transaction that makes
 * them (authorisedChange); refusals always. Not in CONTROL_RULES, which is every chat control and tested as such.
 */
export const ACTION_RULES = {
  "routing.list": "admin",
  "routing.add": "admin",
  "routing.edit": "admin",
  "routing.remove": "admin",
  "routing.preview": "admin",
  "operations.view": "admin",
  "outbox.retry": "admin",
  "wall.list": "admin",
  "wall.create": "admin",
  "wall.revoke": "admin",
  "points.set": "admin",
  "stories.list": "admin",
  "stories.remove": "admin",
  "audit.view": "admin",
} as const satisfies Record<string, ActionRule>;

/** HR's views go through authoriseReport, as in chat; an "hr" action is one HR may take besides seeing a report. */
export type ActionRule = Exclude<Rule, "anyone" | "channel">;

export type Action = keyof typeof ACTION_RULES;
const actionRules: Readonly<Record<Action, ActionRule>> = ACTION_RULES;

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

/** A person signed in outside chat (the console), as the rules see them: every chat id they use is theirs. */
export async function personAsPrincipal(deps: Pick<CoreDeps, "store">, person: Employee): Promise<Principal & { surface: string }> {
  const identities = await deps.store.employees.identities(person.id);
  const others = identities.map((identity) => identity.externalId).filter((id) => id !== person.externalId);
  return { surface: person.surface, userId: person.externalId, alsoKnownAs: others };
}

/** What a person may see outside chat (the console): the same people as the rules above. */
export type Role = "admin" | "hr" | "employee";

export async function roleOf(deps: Pick<CoreDeps, "store" | "settings">, asked: Principal & { surface: string }): Promise<Role> {
  const who = await withVerifiedEmails(deps, asked);
  if (isAdmin(deps.settings, who)) return "admin";
  return (await canSeeReports(deps, who)) ? "hr" : "employee";
}

/** Who may open a console page or send its form: "anyone" signed in, HR (and admins), or admins. */
export type PageRule = "anyone" | "hr" | "admin";

const ROLES_BY_RULE: Record<PageRule, readonly Role[]> = { anyone: ["admin", "hr", "employee"], hr: ["admin", "hr"], admin: ["admin"] };

/** Whether a role meets a page's rule: what the console's navigation offers. */
export const roleMeets = (role: Role, rule: PageRule): boolean => ROLES_BY_RULE[rule].includes(role);

/**
 * Whether `who` may reach a console page (`what`: its method and path); a refusal is written to the same append-only
 * audit as a refused report. A report page still authorises its own view (authoriseReport), with what was asked.
 */
export async function authorisePage(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  who: Principal & { surface: string },
  rule: PageRule,
  what: string,
): Promise<boolean> {
  if (rule === "anyone") return true;
  const allowed = roleMeets(await roleOf(deps, who), rule);
  if (!allowed) await deps.store.hr.audit({ userId: who.userId, surface: who.surface, what, period: "", department: null, allowed, at: deps.clock.now() });
  return allowed;
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

/** Who acts, as the surface they came through authenticated them (a chat, or the console's sign-in). */
export type Actor = Principal & { surface: string };

export async function mayDo(deps: Pick<CoreDeps, "store" | "settings">, who: Actor, action: Action): Promise<boolean> {
  if (actionRules[action] === "hr") return canSeeReports(deps, who);
  return isAdmin(deps.settings, await withVerifiedEmails(deps, who));
}

export interface ActionRequest {
  /** What it is about, e.g. rule:12; null when nothing is named yet (an add). */
  subject: string | null;
  /** The change as asked, for the audit: never a secret. */
  detail?: string | null;
}

export type Refused = { ok: false; problem: "not_allowed" };

async function auditAction(
  repos: Pick<CoreRepos, "actionAudit">,
  deps: Pick<CoreDeps, "clock">,
  who: Actor,
  action: Action,
  request: ActionRequest,
  allowed: boolean,
): Promise<void> {
  await repos.actionAudit.record({
    surface: who.surface,
    userId: who.userId,
    action,
    subject: request.subject,
    detail: request.detail ?? null,
    allowed,
    at: deps.clock.now(),
  });
}

/** For views: decides, and writes the decision to the audit before anything is shown. */
export async function authoriseView(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  who: Actor,
  action: Action,
  request: ActionRequest,
): Promise<boolean> {
  const allowed = await mayDo(deps, who, action);
  await auditAction(deps.store, deps, who, action, request, allowed);
  return allowed;
}

/** What a change did: its outcome, and what the audit records of it; a null audit (bad input) writes nothing. */
export interface ChangeDone<T> {
  outcome: T;
  audit: ActionRequest | null;
}

/**
 * For changes: a refusal is audited alone; an allowed change and its audit row land in one transaction, so the
 * audit never names a change that did not happen, and input the change turns down (audit null) leaves no trace.
 */
export async function authorisedChange<T>(
  deps: Pick<CoreDeps, "store" | "clock" | "settings">,
  who: Actor,
  action: Action,
  asked: ActionRequest,
  change: (tx: CoreRepos) => Promise<ChangeDone<T>>,
): Promise<T | Refused> {
  if (!(await mayDo(deps, who, action))) {
    await auditAction(deps.store, deps, who, action, asked, false);
    return { ok: false, problem: "not_allowed" };
  }
  return deps.store.transaction(async (tx) => {
    const { outcome, audit } = await change(tx);
    if (audit) await auditAction(tx, deps, who, action, audit, true);
    return outcome;
  });
}
