// What admins decide: which charities there are, the default, the value of a point and the quarterly budget.
import type { CoreDeps } from "../deps";
import { isActive, type Charity, type CharityTerms } from "../kernel/charity";

const MAX_NAME_LENGTH = 80;

export type AddCharityResult = { ok: true; charity: Charity } | { ok: false; problem: "bad_name" | "bad_url" };

export async function addCharity(deps: Pick<CoreDeps, "store">, input: { name: string; url: string; createdBy: string }): Promise<AddCharityResult> {
  const name = input.name.trim();
  if (!name || name.length > MAX_NAME_LENGTH) return { ok: false, problem: "bad_name" };
  const url = charityUrl(input.url);
  if (!url) return { ok: false, problem: "bad_url" };
  return { ok: true, charity: await deps.store.charities.add({ name, url, createdBy: input.createdBy }) };
}

/**
 * A public web address, or null. Slack sends typed links as `<https://kwf.nl>` or `<https://kwf.nl|kwf.nl>`;
 * anything but http(s) with a dotted host name (javascript:, mailto:, localhost) is refused.
 */
export function charityUrl(text: string): string | null {
  const raw = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text.trim())?.[1] ?? text.trim();
  try {
    const url = new URL(raw);
    return (url.protocol === "https:" || url.protocol === "http:") && /^[^.]+(\.[^.]+)+$/.test(url.hostname) ? url.href : null;
  } catch {
    return null;
  }
}

export type RemoveCharityResult = { status: "removed"; charity: Charity } | { status: "unknown" } | { status: "is_default"; charity: Charity };

/** Deactivates: nobody can pick it any more, and its points go to the default; payouts and reports keep it. */
export async function removeCharity(deps: Pick<CoreDeps, "store" | "clock">, id: number): Promise<RemoveCharityResult> {
  const charity = await deps.store.charities.byId(id);
  if (!charity || !isActive(charity)) return { status: "unknown" };
  const removedAt = deps.clock.now();
  // Removing the default would leave points without a destination: the admin names a new default first.
  if ((await deps.store.charities.terms(removedAt)).defaultCharityId === id) return { status: "is_default", charity };
  return (await deps.store.charities.remove(id, removedAt)) ? { status: "removed", charity: { ...charity, removedAt } } : { status: "unknown" };
}

/** The charity becomes the default; null when there is no active charity with this id. */
export async function setDefaultCharity(deps: Pick<CoreDeps, "store" | "clock">, id: number, by: string): Promise<Charity | null> {
  const charity = await deps.store.charities.byId(id);
  if (!charity || !isActive(charity)) return null;
  await deps.store.charities.setTerms({ defaultCharityId: id }, by, deps.clock.now());
  return charity;
}

export async function setPointValue(deps: Pick<CoreDeps, "store" | "clock">, microEurosPerPoint: number, by: string): Promise<void> {
  await deps.store.charities.setTerms({ microEurosPerPoint }, by, deps.clock.now());
}

/** null lifts the cap. */
export async function setQuarterBudget(deps: Pick<CoreDeps, "store" | "clock">, quarterBudgetCents: number | null, by: string): Promise<void> {
  await deps.store.charities.setTerms({ quarterBudgetCents }, by, deps.clock.now());
}

export interface CharityOverview {
  charities: Charity[];
  terms: CharityTerms;
}

/** The charities one can pick today, and the terms now. */
export async function charityOverview(deps: Pick<CoreDeps, "store" | "clock">): Promise<CharityOverview> {
  const [all, terms] = await Promise.all([deps.store.charities.list(), deps.store.charities.terms(deps.clock.now())]);
  return { charities: all.filter(isActive), terms };
}
